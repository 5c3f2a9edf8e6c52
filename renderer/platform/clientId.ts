const KEY = 'shotcanvas.clientId';

/**
 * This window's or tab's id for single-writer ownership of a project. Kept in sessionStorage so a
 * reload of the same tab is the same client (it may continue), while a second tab is another one.
 */
export function clientId(): string {
  try {
    const existing = sessionStorage.getItem(KEY);
    if (existing) return existing;
    const id = crypto.randomUUID();
    sessionStorage.setItem(KEY, id);
    return id;
  } catch {
    // Storage disabled: one id per page load is still a distinct client.
    cached ??= crypto.randomUUID();
    return cached;
  }
}

let cached: string | undefined;
