/**
 * Asks the browser to keep this origin's storage (IndexedDB) under storage pressure, and reports
 * how full it is. The project folder stays the truth either way; this protects the fast path.
 */
export interface BrowserStorageStatus {
  readonly persisted: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
  /** Set when usage is close to the quota, in words for the user. */
  readonly warning: string | null;
}

export async function requestPersistentStorage(): Promise<BrowserStorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null, warning: null };
  let persisted: boolean | null;
  try {
    persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? null);
  } catch {
    persisted = null;
  }
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    const estimate = await storage.estimate?.();
    usageBytes = estimate?.usage ?? null;
    quotaBytes = estimate?.quota ?? null;
  } catch {
    // Not available: nothing to warn about.
  }
  const warning =
    usageBytes !== null && quotaBytes !== null && quotaBytes > 0 && usageBytes / quotaBytes > 0.9
      ? `The browser storage for Shotcanvas is ${Math.round((usageBytes / quotaBytes) * 100)}% full. Your projects are safe in their folders, but free some disk space soon.`
      : null;
  console.info(
    `[storage] persistent storage ${persisted === true ? 'granted' : persisted === false ? 'not granted' : 'unavailable'}; usage ${usageBytes ?? '?'} of ${quotaBytes ?? '?'} bytes`,
  );
  return { persisted, usageBytes, quotaBytes, warning };
}
