import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { HostBindings } from '../services/mainApiService.ts';
import { ok } from '../../shared/result.ts';

/** The desktop side of HostBindings: native dialogs and the system browser. */
export function electronHostBindings(deps: {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  homeDir: string;
  window: () => BrowserWindow | null;
}): HostBindings {
  return {
    kind: 'desktop',
    platform: process.platform,
    showOpenDialog: async (input) => {
      const title = input.purpose === 'open-project' ? 'Open Shotcanvas project folder' : 'Choose folder';
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const win = deps.window();
      const picked = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      return ok({ path: picked.canceled ? null : (picked.filePaths[0] ?? null) });
    },
    openExternal: (url) => deps.shell.openExternal(url),
    browseRoot: () => Promise.resolve(deps.homeDir),
  };
}
