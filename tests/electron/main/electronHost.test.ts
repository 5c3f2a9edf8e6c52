import type { BrowserWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue, Shell } from 'electron';
import { describe, expect, it } from 'vitest';
import { electronHostBindings } from '../../../electron/main/electronHost.ts';

interface DialogCall {
  readonly window: unknown;
  readonly options: OpenDialogOptions;
}

interface SaveDialogCall {
  readonly window: unknown;
  readonly options: SaveDialogOptions;
}

function setup(reply: OpenDialogReturnValue, window: BrowserWindow | null = null, saveReply: SaveDialogReturnValue = { canceled: true, filePath: '' }) {
  const dialogCalls: DialogCall[] = [];
  const saveCalls: SaveDialogCall[] = [];
  const opened: string[] = [];
  const dialog = {
    showOpenDialog: (...args: unknown[]) => {
      const [first, second] = args;
      dialogCalls.push(second === undefined ? { window: null, options: first as OpenDialogOptions } : { window: first, options: second as OpenDialogOptions });
      return Promise.resolve(reply);
    },
    showSaveDialog: (...args: unknown[]) => {
      const [first, second] = args;
      saveCalls.push(second === undefined ? { window: null, options: first as SaveDialogOptions } : { window: first, options: second as SaveDialogOptions });
      return Promise.resolve(saveReply);
    },
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  const shell = {
    openExternal: (url: string) => {
      opened.push(url);
      return Promise.resolve();
    },
  } as unknown as Pick<Shell, 'openExternal'>;
  const host = electronHostBindings({ dialog, shell, homeDir: '/home/tester', window: () => window });
  return { host, dialogCalls, saveCalls, opened };
}

describe('electronHostBindings', () => {
  it('identifies itself as the desktop host on this platform', () => {
    const { host } = setup({ canceled: true, filePaths: [] });
    expect(host.kind).toBe('desktop');
    expect(host.platform).toBe(process.platform);
  });

  it('maps a cancelled dialog to path null', async () => {
    const { host } = setup({ canceled: true, filePaths: [] });
    await expect(host.showOpenDialog({ purpose: 'open-project' })).resolves.toEqual({ ok: true, value: { path: null } });
  });

  it('maps a cancelled dialog to null even if Electron still reports a path', async () => {
    const { host } = setup({ canceled: true, filePaths: ['/ignored'] });
    await expect(host.showOpenDialog({ purpose: 'choose-folder' })).resolves.toEqual({ ok: true, value: { path: null } });
  });

  it('returns the first picked folder', async () => {
    const { host } = setup({ canceled: false, filePaths: ['/films/Pilot', '/films/Other'] });
    await expect(host.showOpenDialog({ purpose: 'open-project' })).resolves.toEqual({ ok: true, value: { path: '/films/Pilot' } });
  });

  it('returns null when nothing was picked without cancelling', async () => {
    const { host } = setup({ canceled: false, filePaths: [] });
    await expect(host.showOpenDialog({ purpose: 'open-project' })).resolves.toEqual({ ok: true, value: { path: null } });
  });

  it('asks for a directory, titled by purpose, attached to the window when there is one', async () => {
    const win = { id: 1 } as unknown as BrowserWindow;
    const attached = setup({ canceled: true, filePaths: [] }, win);
    await attached.host.showOpenDialog({ purpose: 'open-project' });
    expect(attached.dialogCalls).toHaveLength(1);
    expect(attached.dialogCalls[0]?.window).toBe(win);
    expect(attached.dialogCalls[0]?.options.properties).toContain('openDirectory');
    expect(attached.dialogCalls[0]?.options.properties).not.toContain('openFile');
    expect(attached.dialogCalls[0]?.options.title).toMatch(/project/i);

    const detached = setup({ canceled: true, filePaths: [] }, null);
    await detached.host.showOpenDialog({ purpose: 'choose-folder' });
    expect(detached.dialogCalls[0]?.window).toBeNull();
    expect(detached.dialogCalls[0]?.options.title).toBe('Choose folder');
  });

  it('opens external links through the shell and roots browsing at the home folder', async () => {
    const { host, opened } = setup({ canceled: true, filePaths: [] });
    await host.openExternal('https://example.com/');
    expect(opened).toEqual(['https://example.com/']);
    await expect(host.browseRoot()).resolves.toBe('/home/tester');
  });

  it('picks a bundle file (not a folder) for import-bundle, filtered to the bundle extension', async () => {
    const { host, dialogCalls } = setup({ canceled: false, filePaths: ['/downloads/Film.shotcanvas'] });
    await expect(host.showOpenDialog({ purpose: 'import-bundle' })).resolves.toEqual({ ok: true, value: { path: '/downloads/Film.shotcanvas' } });
    const options = dialogCalls[0]!.options;
    expect(options.properties).toContain('openFile');
    expect(options.properties).not.toContain('openDirectory');
    expect(options.filters).toEqual([{ name: 'Shotcanvas bundle', extensions: ['shotcanvas'] }]);
  });

  it('asks where to export a bundle, with the suggested name, attached to the window', async () => {
    const win = { id: 2 } as unknown as BrowserWindow;
    const { host, saveCalls } = setup({ canceled: true, filePaths: [] }, win, { canceled: false, filePath: '/films/Film.shotcanvas' });
    await expect(host.showSaveDialog({ purpose: 'export-bundle', defaultName: 'Film.shotcanvas' })).resolves.toEqual({
      ok: true,
      value: { path: '/films/Film.shotcanvas' },
    });
    expect(saveCalls).toHaveLength(1);
    expect(saveCalls[0]!.window).toBe(win);
    expect(saveCalls[0]!.options).toMatchObject({ defaultPath: 'Film.shotcanvas', filters: [{ name: 'Shotcanvas bundle', extensions: ['shotcanvas'] }] });
  });

  it('maps a cancelled or empty save dialog to path null', async () => {
    const cancelled = setup({ canceled: true, filePaths: [] }, null, { canceled: true, filePath: '/ignored.shotcanvas' });
    await expect(cancelled.host.showSaveDialog({ purpose: 'export-bundle', defaultName: 'x' })).resolves.toEqual({ ok: true, value: { path: null } });
    expect(cancelled.saveCalls[0]!.window).toBeNull();
    const empty = setup({ canceled: true, filePaths: [] }, null, { canceled: false, filePath: '' });
    await expect(empty.host.showSaveDialog({ purpose: 'export-bundle', defaultName: 'x' })).resolves.toEqual({ ok: true, value: { path: null } });
  });
});
