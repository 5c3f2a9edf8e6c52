import type { BrowserWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue, Shell } from 'electron';
import { describe, expect, it } from 'vitest';
import { electronHostBindings } from '../../../electron/main/electronHost.ts';

interface DialogCall {
  readonly window: unknown;
  readonly options: OpenDialogOptions;
}

function setup(reply: OpenDialogReturnValue, window: BrowserWindow | null = null) {
  const dialogCalls: DialogCall[] = [];
  const opened: string[] = [];
  const dialog = {
    showOpenDialog: (...args: unknown[]) => {
      const [first, second] = args;
      dialogCalls.push(second === undefined ? { window: null, options: first as OpenDialogOptions } : { window: first, options: second as OpenDialogOptions });
      return Promise.resolve(reply);
    },
  } as unknown as Pick<Dialog, 'showOpenDialog'>;
  const shell = {
    openExternal: (url: string) => {
      opened.push(url);
      return Promise.resolve();
    },
  } as unknown as Pick<Shell, 'openExternal'>;
  const host = electronHostBindings({ dialog, shell, homeDir: '/home/tester', window: () => window });
  return { host, dialogCalls, opened };
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
});
