import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { APP_ID, APP_NAME, APP_SCHEME, BUNDLE_EXTENSION, MEDIA_SCHEME } from '../../shared/identity.ts';
import { eventChannel } from '../../shared/ipc/contract.ts';
import type { MainEventName, MainEvents } from '../../shared/ipc/contract.ts';
import { APP_ORIGIN, appProtocolReply } from '../services/appProtocol.ts';
import { nodeFileSystem } from '../services/fileSystem.ts';
import { openMediaReply } from '../services/media/mediaRange.ts';
import { mediaReplyHeaders, resolveMediaRequest } from '../services/mediaProtocol.ts';
import { createServices } from '../services/serviceContainer.ts';
import { restoreWindowBounds, windowStateStore } from '../services/windowState.ts';
import { electronHostBindings } from './electronHost.ts';
import { registerMainApi } from './ipcRegistration.ts';
import { buildMenuTemplate } from './menuTemplate.ts';
import { hardenSession } from './sessionSecurity.ts';
import { isTrustedSenderFrame, isTrustedSenderUrl } from './trustedSender.ts';
import { hardenWebContents } from './webContentsSecurity.ts';
import { createMainWindow } from './windowFactory.ts';

/**
 * Electron entry point: thin glue between Electron's objects and the plain-Node services. Every
 * piece it wires is a small function tested with fakes; this file only connects them.
 */
const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : null;
const rendererDir = join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME);

// Custom schemes must be declared privileged before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  // corsEnabled: the renderer fetch()es thumbnails from here (answered with our origin only).
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
]);

app.setName(APP_NAME);
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
// Test runs point these at temporary folders; users never set them.
if (process.env['SHOTCANVAS_USER_DATA']) app.setPath('userData', process.env['SHOTCANVAS_USER_DATA']);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  const userDataDir = app.getPath('userData');
  const workspaceDir = process.env['SHOTCANVAS_WORKSPACE'] ?? join(homedir(), 'Shotcanvas');
  const log = (message: string, error?: unknown) => console.error(`[main] ${message}`, error ?? '');

  const services = createServices({
    fs: nodeFileSystem,
    userDataDir,
    defaultWorkspaceDir: workspaceDir,
    trash: async (folder) => {
      await shell.trashItem(folder);
      return 'the system trash';
    },
    now: () => new Date(),
    confineToWorkspace: false,
    host: electronHostBindings({ dialog, shell, homeDir: homedir(), window: () => mainWindow }),
    emit: (event, payload) => emit(event, payload),
    log,
  });

  function emit<E extends MainEventName>(event: E, payload: MainEvents[E]): void {
    mainWindow?.webContents.send(eventChannel(event), payload);
  }

  // A bundle double-clicked in the file manager (macOS sends open-file; Windows/Linux pass argv).
  const bundleFromArgv = (argv: readonly string[]) => argv.find((arg) => arg.toLowerCase().endsWith(`.${BUNDLE_EXTENSION}`));
  let pendingBundle = bundleFromArgv(process.argv);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) emit('openBundle', { path });
    else pendingBundle = path;
  });

  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return;
    const bundle = bundleFromArgv(argv);
    if (bundle) emit('openBundle', { path: bundle });
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => void shell.openExternal(url)));

  await app.whenReady();
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const reply = await appProtocolReply(request.url, rendererDir, nodeFileSystem);
    return new Response(reply.body as ConstructorParameters<typeof Response>[0], { status: reply.status, headers: reply.headers });
  });
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const file = await resolveMediaRequest(request.url, (id) => services.projects.dirOf(id), nodeFileSystem);
    if (!file) return new Response('Not found', { status: 404 });
    // Range requests answered here (206), so <video> can seek; the same code serves the web host.
    const reply = await openMediaReply(nodeFileSystem, file, request.headers.get('range'), request.method === 'HEAD');
    if (reply.status === 404) return new Response('Not found', { status: 404 });
    const headers = new Headers(reply.headers);
    const extra = mediaReplyHeaders(file, request.headers.get('origin'), (origin) => isTrustedSenderUrl(origin, devServerUrl));
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    const body = reply.body ? (Readable.toWeb(reply.body) as unknown as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: reply.status, headers });
  });
  registerMainApi(ipcMain, services.api, (event) => isTrustedSenderFrame(event.senderFrame, devServerUrl), log);

  const stateStore = windowStateStore(nodeFileSystem, userDataDir);
  const saved = (await stateStore.load()).value;
  const state = restoreWindowBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );

  const openWindow = () => {
    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: join(__dirname, 'preload.cjs'),
      state,
      rendererUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      title: APP_NAME,
      openExternal: (url) => void shell.openExternal(url),
    });
    const win = mainWindow;
    let flushed = false;
    win.on('close', (event) => {
      void stateStore.save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
      if (flushed) return;
      // Let the renderer write pending edits first; never wait more than 4 s.
      event.preventDefault();
      void services.flush
        .request((requestId) => win.webContents.send(eventChannel('flushRequest'), { requestId, reason: 'close' }), 4000)
        .finally(() => {
          flushed = true;
          win.close();
          // A quit that waited for this flush continues now (macOS keeps the app otherwise).
          if (quitting) app.quit();
        });
    });
    win.on('closed', () => {
      mainWindow = null;
    });
    if (pendingBundle) {
      const path = pendingBundle;
      pendingBundle = undefined;
      win.webContents.once('did-finish-load', () => emit('openBundle', { path }));
    }
  };

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ appName: APP_NAME, platform: process.platform, isDev: devServerUrl !== null, send: (command) => emit('menuCommand', { command }) }),
    ),
  );
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Fold open projects' journals into project.json before the process ends.
  let folded = false;
  app.on('will-quit', (event) => {
    if (folded) return;
    event.preventDefault();
    void services.projects.closeAll().finally(() => {
      folded = true;
      app.quit();
    });
  });
}
