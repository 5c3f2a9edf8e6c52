import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronPackage = resolve(import.meta.dirname, '..', '..', '..', 'node_modules', 'electron');

/**
 * The Electron runtime, if this machine has one: ELECTRON_OVERRIDE_DIST_PATH (a local build or an
 * unpacked release) or a completed download by the `electron` package. Never triggers a download.
 */
export function findElectronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, relative) : existsSync(pathFile) ? join(electronPackage, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

export const NO_ELECTRON_REASON =
  'No Electron runtime on this machine (node_modules/electron has no downloaded binary and ELECTRON_OVERRIDE_DIST_PATH is unset); the same specs ran in Chromium through the web host.';
