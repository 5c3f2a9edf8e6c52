import { dirname, extname, join, resolve } from 'node:path';
import type { FolderEntry, FolderListing } from '../../shared/ipc/contract.ts';
import { PROJECT_FILE_NAME } from '../../shared/identity.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode, pathExists } from './fileSystem.ts';
import { isRealPathInside } from './pathSafety.ts';

const MAX_ENTRIES = 2000;

/**
 * Lists the sub-folders of `path` for the web host's in-app folder picker, never leaving `root`
 * (symlinks included). Hidden folders are skipped; project folders are marked.
 */
export async function browseFolder(
  fs: FileSystem,
  root: string,
  path: string | undefined,
  fileExtensions: readonly string[] = [],
): Promise<Result<FolderListing>> {
  const rootDir = resolve(root);
  const dir = resolve(path ?? rootDir);
  if (!(await isRealPathInside(fs, rootDir, dir))) {
    return err('FORBIDDEN', `${dir} is outside ${rootDir}; the folder picker stays inside the workspace.`, dir);
  }
  let names: string[];
  let files: string[];
  const wanted = new Set(fileExtensions.map((e) => `.${e.toLowerCase()}`));
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
    files = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && wanted.has(extname(e.name).toLowerCase())).map((e) => e.name);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return err('NOT_FOUND', `The folder ${dir} does not exist.`, dir);
    return err('IO_ERROR', `Could not list ${dir}: ${error instanceof Error ? error.message : String(error)}`, dir);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  names.sort(byName);
  files.sort(byName);
  const folders: FolderEntry[] = [];
  for (const name of names.slice(0, MAX_ENTRIES)) {
    const full = join(dir, name);
    folders.push({ name, path: full, isProject: await pathExists(fs, join(full, PROJECT_FILE_NAME)), isFile: false });
  }
  for (const name of files.slice(0, MAX_ENTRIES)) folders.push({ name, path: join(dir, name), isProject: false, isFile: true });
  return ok({ path: dir, parent: dir === rootDir ? null : dirname(dir), folders });
}
