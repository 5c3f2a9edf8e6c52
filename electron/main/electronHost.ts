import type { BrowserWindow, Dialog, OpenDialogOptions, Shell } from 'electron';
import { BUNDLE_EXTENSION } from '../../shared/identity.ts';
import type { HostBindings } from '../services/mainApiService.ts';
import { ok } from '../../shared/result.ts';

/** The desktop side of HostBindings: native dialogs and the system browser. */
export function electronHostBindings(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  homeDir: string;
  window: () => BrowserWindow | null;
}): HostBindings {
  return {
    kind: 'desktop',
    platform: process.platform,
    showOpenDialog: async (input) => {
      const options: OpenDialogOptions =
        input.purpose === 'import-bundle'
          ? { title: 'Import Shotcanvas project bundle', properties: ['openFile'], filters: [{ name: 'Shotcanvas bundle', extensions: [BUNDLE_EXTENSION] }] }
          : { title: input.purpose === 'open-project' ? 'Open Shotcanvas project folder' : 'Choose folder', properties: ['openDirectory', 'createDirectory'] };
      const win = deps.window();
      const picked = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      return ok({ path: picked.canceled ? null : (picked.filePaths[0] ?? null) });
    },
    showSaveDialog: async (input) => {
      const options = {
        title: 'Export project bundle',
        defaultPath: input.defaultName,
        filters: [{ name: 'Shotcanvas bundle', extensions: [BUNDLE_EXTENSION] }],
      };
      const win = deps.window();
      const picked = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
      return ok({ path: picked.canceled || !picked.filePath ? null : picked.filePath });
    },
    openExternal: (url) => deps.shell.openExternal(url),
    browseRoot: () => Promise.resolve(deps.homeDir),
  };
}
