import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, readlink, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh real folder per test, removed afterwards. The path is the realpath so that tests
 * comparing paths are not fooled by a symlinked tmpdir (macOS /var → /private/var).
 */
export function useTempDir(prefix = 'shotcanvas-services-'): () => string {
  let dir: string | null = null;
  beforeEach(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (!dir) throw new Error('useTempDir: the folder exists only inside a test');
    return dir;
  };
}

/**
 * Every entry under `root` (relative path → "dir", "link -> target" or the sha256 of a file's
 * bytes). Comparing two snapshots proves an operation changed nothing on disk.
 */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    const rel = full.slice(root.length + 1);
    if (entry.isSymbolicLink()) out[rel] = `link -> ${await readlink(full)}`;
    else if (entry.isDirectory()) out[rel] = 'dir';
    else
      out[rel] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Names in `dir`, sorted; [] when the folder does not exist. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
