import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err } from '../../../shared/result.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import type { Services } from '../../../electron/services/serviceContainer.ts';
import { createServices } from '../../../electron/services/serviceContainer.ts';
import type { WebHost } from '../../../electron/webHost/webHostServer.ts';
import { startWebHost } from '../../../electron/webHost/webHostServer.ts';
import { sessionCookieName } from '../../../electron/webHost/webHostAuth.ts';
import type { TempDir } from './tempDir.ts';
import { makeTempDir } from './tempDir.ts';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmn';
/** A file beside (outside) the renderer folder that traversal probes try to reach. */
export const SECRET_TEXT = 'TOP-SECRET-OUTSIDE-RENDERER';

export const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Shotcanvas</title>
  </head>
  <body><div id="root"></div><script type="module" src="./assets/app.js"></script></body>
</html>
`;

export interface WebHostFixture {
  readonly host: WebHost;
  readonly temp: TempDir;
  readonly rendererDir: string;
  readonly workspaceDir: string;
  /** The real services behind the host (to open projects for the media route, say). */
  readonly services: Services;
  /** `Cookie` header value holding the session cookie. */
  readonly cookie: string;
  /** Headers a same-origin API call from the bridge script would carry. */
  apiHeaders(extra?: Record<string, string>): Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * The real web host over real services in temporary folders: renderer/ (index.html and
 * assets/app.js), workspace/, userData/ and secret.txt outside the renderer folder.
 * `withRenderer: false` leaves renderer/ missing, as before `npm run build:renderer`.
 */
export async function startTestWebHost(options: { withRenderer?: boolean } = {}): Promise<WebHostFixture> {
  const temp = await makeTempDir('shotcanvas-webhost-');
  const rendererDir = join(temp.path, 'renderer');
  const workspaceDir = join(temp.path, 'workspace');
  const userDataDir = join(temp.path, 'userData');
  await mkdir(workspaceDir, { recursive: true });
  await mkdir(userDataDir, { recursive: true });
  await writeFile(join(temp.path, 'secret.txt'), SECRET_TEXT);
  if (options.withRenderer !== false) {
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  }
  const started: { host?: WebHost } = {};
  const services = createServices({
    fs: nodeFileSystem,
    userDataDir,
    defaultWorkspaceDir: workspaceDir,
    trash: () => Promise.resolve('nowhere (test)'),
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    confineToWorkspace: true,
    // Events reach the browser over server-sent events once the server is up.
    emit: (event, payload) => started.host?.emit(event, payload),
    host: {
      kind: 'web',
      platform: process.platform,
      showOpenDialog: () => Promise.resolve(err('NOT_SUPPORTED', 'no dialogs in tests')),
      showSaveDialog: () => Promise.resolve(err('NOT_SUPPORTED', 'no dialogs in tests')),
      openExternal: () => Promise.resolve(),
      browseRoot: () => Promise.resolve(workspaceDir),
    },
  });
  const host = await startWebHost({
    api: services.api,
    fs: nodeFileSystem,
    rendererDir,
    port: 0,
    token: TEST_TOKEN,
    mediaDir: (projectId) => services.projects.dirOf(projectId),
    uploadMedia: (input) => services.media.acceptUpload(input),
  });
  started.host = host;
  const cookie = `${sessionCookieName(host.port)}=${TEST_TOKEN}`;
  return {
    host,
    temp,
    rendererDir,
    workspaceDir,
    services,
    cookie,
    apiHeaders: (extra = {}) => ({
      cookie,
      'content-type': 'application/json',
      'x-shotcanvas-token': TEST_TOKEN,
      origin: `http://127.0.0.1:${host.port}`,
      'sec-fetch-site': 'same-origin',
      ...extra,
    }),
    dispose: async () => {
      await host.close();
      await temp.remove();
    },
  };
}
