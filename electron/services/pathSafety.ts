import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';

/** True when `target` is `root` or lies inside it, by path text (no symlink resolution). */
export function isPathInside(root: string, target: string): boolean {
  const rel = relative(resolve(root), resolve(target));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves symlinks of the longest existing prefix of `target`, so a link inside the root that
 * points outside it cannot be used to escape. Missing tail components are kept as text.
 */
export async function realpathLenient(fs: FileSystem, target: string): Promise<string> {
  const absolute = resolve(target);
  const tail: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(current);
      return tail.length === 0 ? real : resolve(real, ...tail.reverse());
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = resolve(current, '..');
      if (parent === current) return absolute;
      tail.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}

/** Containment after resolving symlinks on both sides. */
export async function isRealPathInside(fs: FileSystem, root: string, target: string): Promise<boolean> {
  const [realRoot, realTarget] = await Promise.all([realpathLenient(fs, root), realpathLenient(fs, target)]);
  return isPathInside(realRoot, realTarget);
}
