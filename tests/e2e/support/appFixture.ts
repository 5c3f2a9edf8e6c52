import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, ElectronApplication, Page } from '@playwright/test';
import { _electron, test as base } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromiumPath.ts';
import { NO_ELECTRON_REASON, findElectronBinary } from './electronBinary.ts';
import type { WebHostProcess } from './webHostProcess.ts';
import { startWebHostProcess } from './webHostProcess.ts';

/** The app under test, whichever shell hosts it. Specs only talk to this. */
export interface AppUnderTest {
  readonly kind: 'web' | 'electron';
  readonly page: Page;
  readonly workspace: string;
  /** Stops the host (web host process or Electron) and starts it again on the same data. */
  restart(options?: { signal?: NodeJS.Signals }): Promise<void>;
  /** A fresh browser profile (web) / user-data folder (Electron): IndexedDB is gone. */
  restartWithEmptyBrowserStorage(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

export const test = base.extend<{ app: AppUnderTest }, { webBrowser: Browser | null }>({
  // Launched only for the web project, so the Electron project never needs a Chromium.
  webBrowser: [
    async ({ playwright }, use, workerInfo) => {
      if (workerInfo.project.name !== 'web') return use(null);
      const browser = await playwright.chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ webBrowser }, use, testInfo) => {
    const root = await mkdtemp(join(tmpdir(), 'shotcanvas-e2e-'));
    const workspace = join(root, 'workspace');
    const dataDir = join(root, 'host-data');

    if (testInfo.project.name === 'electron') {
      const binary = findElectronBinary();
      testInfo.skip(binary === null, NO_ELECTRON_REASON);
      let userData = join(root, 'electron-user-data');
      let electronApp: ElectronApplication;
      const launch = async () => {
        electronApp = await _electron.launch({
          executablePath: binary!,
          args: [join(repoRoot, '.vite', 'build', 'main.cjs')],
          env: { ...process.env, SHOTCANVAS_WORKSPACE: workspace, SHOTCANVAS_USER_DATA: userData },
        });
        return electronApp.firstWindow();
      };
      const handle = {
        kind: 'electron' as const,
        page: await launch(),
        workspace,
        async restart() {
          await electronApp.close();
          handle.page = await launch();
        },
        async restartWithEmptyBrowserStorage() {
          await electronApp.close();
          userData = join(root, `electron-user-data-${Date.now()}`);
          handle.page = await launch();
        },
      };
      await use(handle);
      await electronApp!.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
      return;
    }

    const browser = webBrowser!;
    let host: WebHostProcess = await startWebHostProcess({ workspace, dataDir });
    let context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      await page.goto(host.url);
      return page;
    };
    const handle = {
      kind: 'web' as const,
      page: await open(),
      workspace,
      async restart(options: { signal?: NodeJS.Signals } = {}) {
        const port = host.port;
        await host.stop(options.signal);
        host = await startWebHostProcess({ workspace, dataDir, port });
        // Same port = same origin, so the browser keeps its IndexedDB across the restart.
        await handle.page.goto(host.url);
      },
      async restartWithEmptyBrowserStorage() {
        await context.close();
        context = await browser.newContext();
        handle.page = await open();
      },
    };
    await use(handle);
    await context.close();
    await host.stop();
    await rm(root, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
