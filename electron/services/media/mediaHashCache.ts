import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../atomicWrite.ts';
import { hashFile } from '../bundle/bundleStreams.ts';
import type { FileSystem } from '../fileSystem.ts';
import { CACHE_FOLDER, ensureFolderInside } from './mediaPaths.ts';

/** Where a project's known hashes are kept between runs (a cache: deleting it only costs rehashing). */
export const HASH_CACHE_FILE = 'media-hashes.json';

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

interface ProjectHashes {
  readonly files: Map<string, Entry>;
  dirty: boolean;
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e['size'] === 'number' && typeof e['mtimeMs'] === 'number' && typeof e['hash'] === 'string' && /^[0-9a-f]{64}$/.test(e['hash']);
}

/**
 * sha256 of media files, remembered by size and modification time: checking a project of
 * multi-GB takes must not reread every file each time. A file whose size or mtime changed is
 * hashed again. Kept per project in `.cache/media-hashes.json`.
 */
export class MediaHashCache {
  private readonly fs: FileSystem;
  private readonly projects = new Map<string, Promise<ProjectHashes>>();

  constructor(fs: FileSystem) {
    this.fs = fs;
  }

  private load(projectDir: string): Promise<ProjectHashes> {
    let loaded = this.projects.get(projectDir);
    if (!loaded) {
      loaded = (async () => {
        const files = new Map<string, Entry>();
        try {
          const parsed = JSON.parse(await this.fs.readFile(join(projectDir, CACHE_FOLDER, HASH_CACHE_FILE), 'utf8')) as { files?: unknown };
          for (const [path, entry] of Object.entries(parsed.files ?? {})) if (isEntry(entry)) files.set(path, entry);
        } catch {
          // Missing or damaged: start empty; files are rehashed as needed.
        }
        return { files, dirty: false };
      })();
      this.projects.set(projectDir, loaded);
    }
    return loaded;
  }

  private static key(projectDir: string, file: string): string {
    return relative(projectDir, file).split(sep).join('/');
  }

  /** The sha256 of `file` (inside `projectDir`), from the cache when its size and mtime are unchanged. */
  async hashOf(projectDir: string, file: string, signal: AbortSignal = new AbortController().signal, onBytes?: (bytes: number) => void): Promise<string> {
    const hashes = await this.load(projectDir);
    const key = MediaHashCache.key(projectDir, file);
    const info = await this.fs.stat(file);
    const known = hashes.files.get(key);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.hash;
    const { sha256, size } = await hashFile(this.fs, file, signal, onBytes);
    // Only remember what was read from an unchanged file (a write during hashing changes mtime).
    const after = await this.fs.stat(file);
    if (after.size === size && after.mtimeMs === info.mtimeMs) {
      hashes.files.set(key, { size, mtimeMs: after.mtimeMs, hash: sha256 });
      hashes.dirty = true;
    }
    return sha256;
  }

  /** Records a file whose hash is known (it was just written from hashed bytes). */
  async remember(projectDir: string, file: string, hash: string): Promise<void> {
    const hashes = await this.load(projectDir);
    const info = await this.fs.stat(file);
    hashes.files.set(MediaHashCache.key(projectDir, file), { size: info.size, mtimeMs: info.mtimeMs, hash });
    hashes.dirty = true;
  }

  /** Writes what changed to `.cache/media-hashes.json`; a failure only means rehashing later. */
  async save(projectDir: string): Promise<void> {
    const hashes = await this.load(projectDir);
    if (!hashes.dirty) return;
    hashes.dirty = false;
    try {
      const folder = await ensureFolderInside(this.fs, projectDir, [CACHE_FOLDER]);
      if (!folder) return;
      const files = Object.fromEntries([...hashes.files].sort(([a], [b]) => (a < b ? -1 : 1)));
      await writeFileAtomic(join(folder, HASH_CACHE_FILE), `${JSON.stringify({ version: 1, files })}\n`, { fs: this.fs });
    } catch {
      hashes.dirty = true;
    }
  }
}
