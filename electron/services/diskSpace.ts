import { statfs } from 'node:fs/promises';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';

/** Below this much free space we refuse to start large writes: a full disk corrupts stores. */
export const MIN_FREE_BYTES = 512 * 1024 * 1024;

export type FreeSpaceProbe = (path: string) => Promise<number>;

export const nodeFreeSpace: FreeSpaceProbe = async (path) => {
  const stats = await statfs(path);
  return Number(stats.bavail) * Number(stats.bsize);
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Checks that `path`'s volume can take `neededBytes` and still keep the safety margin, before an
 * import or export starts (a half-written file on a full disk is worse than a clear refusal).
 */
export async function checkFreeSpace(
  path: string,
  neededBytes: number,
  probe: FreeSpaceProbe = nodeFreeSpace,
  margin = MIN_FREE_BYTES,
): Promise<Result<number>> {
  let free: number;
  try {
    free = await probe(path);
  } catch (error) {
    return err('IO_ERROR', `Could not read the free space of ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
  }
  if (free - neededBytes < margin) {
    return err(
      'NO_SPACE',
      `Not enough free disk space at ${path}: ${formatBytes(free)} free, ${formatBytes(neededBytes)} needed plus a ${formatBytes(margin)} safety margin. Free some space and try again.`,
      path,
    );
  }
  return ok(free);
}
