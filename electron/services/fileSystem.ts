import * as nodeFs from 'node:fs/promises';

/**
 * The file-system calls services make, as an object they receive. Production passes node's
 * fs/promises; failure-injection tests pass a wrapper whose rename/fsync/write throw EPERM, EBUSY
 * or ENOSPC on demand.
 */
export type FileSystem = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'unlink' | 'readFile' | 'readdir' | 'mkdir' | 'stat' | 'lstat' | 'rm' | 'cp' | 'realpath' | 'access'
>;

export const nodeFileSystem: FileSystem = nodeFs;

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export async function pathExists(fs: FileSystem, path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return false;
    throw error;
  }
}
