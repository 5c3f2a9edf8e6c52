import { basename, join } from 'node:path';
import type { FileSystem } from './fileSystem.ts';
import { pathExists } from './fileSystem.ts';

export const WORKSPACE_TRASH_FOLDER = '.trash';

/**
 * Where there is no OS trash to call (the web host), deleted projects move into the workspace's
 * `.trash/` folder with the deletion time in their name, so a mistaken delete can be undone by
 * moving the folder back.
 */
export async function moveToWorkspaceTrash(fs: FileSystem, workspaceDir: string, folder: string, now: Date): Promise<string> {
  const trashDir = join(workspaceDir, WORKSPACE_TRASH_FOLDER);
  await fs.mkdir(trashDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = join(trashDir, `${basename(folder)} (deleted ${stamp})`);
  for (let i = 2; await pathExists(fs, target); i += 1) target = join(trashDir, `${basename(folder)} (deleted ${stamp}) ${i}`);
  await fs.rename(folder, target);
  return target;
}
