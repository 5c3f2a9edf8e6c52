import { join } from 'node:path';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';
import { MEDIA_PREFIX } from './bundleFormat.ts';

export interface MediaFile {
  /** The entry name in the bundle: `media/<relative path with forward slashes>`. */
  readonly name: string;
  readonly path: string;
  readonly size: number;
}

/**
 * Regular files under `<projectDir>/media`, sorted by entry name. Symbolic links (which could
 * point anywhere on the disk), sockets and other special files are skipped, and so are
 * in-flight temp files (`skip(name)`). A missing media/ folder means no media.
 */
export async function listMediaFiles(fs: FileSystem, projectDir: string, skip: (fileName: string) => boolean): Promise<MediaFile[]> {
  const out: MediaFile[] = [];
  const pending: Array<{ dir: string; prefix: string }> = [{ dir: join(projectDir, 'media'), prefix: MEDIA_PREFIX }];
  while (pending.length > 0) {
    const { dir, prefix } = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (prefix === MEDIA_PREFIX && errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push({ dir: path, prefix: `${prefix}${entry.name}/` });
      else if (entry.isFile() && !skip(entry.name)) {
        // lstat, not stat: the entry was a regular file when listed; never follow a swapped-in link.
        const info = await fs.lstat(path);
        if (info.isFile()) out.push({ name: `${prefix}${entry.name}`, path, size: info.size });
      }
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
