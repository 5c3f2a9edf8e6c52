import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/appInfo.ts';
import { dispatchApiCall } from '../../../electron/services/apiDispatcher.ts';
import { checkExternalUrl, decodeBase64 } from '../../../electron/services/mainApiService.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import { ok } from '../../../shared/result.ts';
import { CLIENT, OTHER_CLIENT, createInput, expectErr, expectOk } from './support/library.ts';
import { pngBytes } from './media/support/imageBytes.ts';
import { makeMainApi } from './support/mainApiFixture.ts';
import { documentData } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const setup = () => makeMainApi(tmp());

describe('checkExternalUrl', () => {
  it('accepts https links, normalized', () => {
    expect(checkExternalUrl('https://example.com/docs?a=1')).toEqual(ok('https://example.com/docs?a=1'));
    expect(checkExternalUrl('HTTPS://Example.COM')).toEqual(ok('https://example.com/'));
  });

  it.each(['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'shotcanvas-media://project/x', 'mailto:a@b.c', 'ftp://x'])(
    'refuses %s with FORBIDDEN naming the scheme',
    (url) => {
      const error = expectErr(checkExternalUrl(url), 'FORBIDDEN', /Only https links/, `${new URL(url).protocol} links`);
      expect(error.where).toBe('url');
    },
  );

  it('refuses something that is not a URL, quoting at most 100 characters of it', () => {
    const error = expectErr(checkExternalUrl(`not a link ${'x'.repeat(300)}`), 'INVALID_ARGUMENT', /is not a valid link/);
    expect(error.message.length).toBeLessThan(140);
  });
});

describe('createMainApi', () => {
  it('getHostInfo reports the host kind, platform, version, workspace and schema', async () => {
    const { api, workspace } = await setup();
    expect(expectOk(await api.getHostInfo())).toEqual({
      kind: 'web',
      appVersion: APP_VERSION,
      platform: 'test-os',
      workspaceDir: workspace,
      schemaVersion: PROJECT_SCHEMA_VERSION,
    });
  });

  it('openExternal hands https links to the host', async () => {
    const { api, opened } = await setup();
    expectOk(await api.openExternal({ url: 'https://shotcanvas.app/help' }));
    expect(opened).toEqual(['https://shotcanvas.app/help']);
  });

  it('openExternal refuses other schemes without calling the host', async () => {
    const { api, opened } = await setup();
    expectErr(await api.openExternal({ url: 'file:///etc/passwd' }), 'FORBIDDEN');
    expectErr(await api.openExternal({ url: 'javascript:alert(1)' }), 'FORBIDDEN');
    expectErr(await api.openExternal({ url: 'http://plain.example' }), 'FORBIDDEN');
    expectErr(await api.openExternal({ url: '%%%' }), 'INVALID_ARGUMENT');
    expect(opened).toEqual([]);
  });

  it('acknowledgeFlush reaches the coordinator', async () => {
    const { api, flush } = await setup();
    let id = '';
    const pending = flush.request((requestId) => (id = requestId), 10_000);
    expectOk(await api.acknowledgeFlush({ requestId: id, saved: true }));
    await expect(pending).resolves.toBe(true);
  });

  it('showOpenDialog and showSaveDialog are the host dialogs', async () => {
    const { api, dialogs, saveDialogs } = await setup();
    expect(expectOk(await api.showOpenDialog({ purpose: 'open-project' }))).toEqual({ path: '/picked' });
    expect(dialogs).toEqual([{ purpose: 'open-project' }]);
    expect(expectOk(await api.showSaveDialog({ purpose: 'export-bundle', defaultName: 'Film.shotcanvas' }))).toEqual({ path: '/picked/Film.shotcanvas' });
    expect(saveDialogs).toEqual([{ purpose: 'export-bundle', defaultName: 'Film.shotcanvas' }]);
  });

  it('browseFolder is rooted at the host browse root and lists asked-for files', async () => {
    const { api, workspace } = await setup();
    await mkdir(join(workspace, 'Sub'));
    expect(expectOk(await api.browseFolder({})).folders.map((f) => f.name)).toEqual(['Sub']);
    expectErr(await api.browseFolder({ path: tmp() }), 'FORBIDDEN');
    await writeFile(join(workspace, 'Film.shotcanvas'), 'zip');
    expect(expectOk(await api.browseFolder({})).folders.map((f) => f.name)).toEqual(['Sub']);
    expect(expectOk(await api.browseFolder({ fileExtensions: ['shotcanvas'] })).folders.map((f) => [f.name, f.isFile])).toEqual([
      ['Sub', false],
      ['Film.shotcanvas', true],
    ]);
  });

  it('settings go through the settings store', async () => {
    const { api, settings } = await setup();
    expect(expectOk(await api.updateSettings({ showInspector: false })).showInspector).toBe(false);
    expect((await settings.get()).showInspector).toBe(false);
    expect(expectOk(await api.getSettings()).showInspector).toBe(false);
  });

  it('project methods reach the library and the open projects: create, list, open, save, close, rename, duplicate, trash, forget', async () => {
    const { api, projects, workspace, recent } = await setup();
    const created = expectOk(await api.createProject(createInput('Film')));
    expect(expectOk(await api.listProjects()).map((s) => s.name)).toEqual(['Film']);
    const opened = expectOk(await api.openProject({ path: created.path, clientId: CLIENT }));
    const projectId = opened.file.projectId;
    expect(projects.dirOf(projectId)).toBe(created.path);
    const client = { projectId, clientId: CLIENT };
    expect(expectOk(await api.saveSnapshot({ ...client, revision: 1, data: documentData([], { name: 'Film' }) })).revision).toBe(1);
    expectOk(await api.closeProject(client));
    expect(projects.dirOf(projectId)).toBeUndefined();
    const renamed = expectOk(await api.renameProject({ path: created.path, name: 'Feature' }));
    const copy = expectOk(await api.duplicateProject({ path: renamed.path, name: 'Feature 2' }));
    expect(await namesIn(workspace)).toEqual(['Feature', 'Feature 2']);
    expectOk(await api.trashProject({ path: copy.path }));
    expect(await namesIn(workspace)).toEqual(['Feature']);
    expect(await recent.list()).toHaveLength(1);
    expectOk(await api.forgetRecentProject({ path: renamed.path }));
    expect(await recent.list()).toEqual([]);
  });
});

describe('decodeBase64', () => {
  it('decodes strict, padded base64', () => {
    expect(decodeBase64('')).toEqual(Buffer.alloc(0));
    expect(Buffer.from(decodeBase64('aGk=')!).toString()).toBe('hi');
    expect(Buffer.from(decodeBase64('aGVsbG8h')!).toString()).toBe('hello!');
    expect(Buffer.from(decodeBase64('aA==')!).toString()).toBe('h');
  });

  it.each(['aGk', 'aGk==', 'a=Gk', '====', 'aG k', 'aGk-', 'aGk_', 'aGk=\n', '\u00e9aGk'])('refuses %j', (text) => {
    expect(decodeBase64(text)).toBeNull();
  });
});

describe('importFrameImage', () => {
  const opened = async () => {
    const fx = await setup();
    const created = expectOk(await fx.api.createProject(createInput('Film')));
    const project = expectOk(await fx.api.openProject({ path: created.path, clientId: CLIENT }));
    return { ...fx, dir: created.path, projectId: project.file.projectId };
  };

  it("stores the image in the owner's open project and returns its FrameRef", async () => {
    const { api, dir, projectId } = await opened();
    const bytes = pngBytes(16, 9);
    const frame = expectOk(await api.importFrameImage({ projectId, clientId: CLIENT, fileName: 'Shot 1.png', dataBase64: bytes.toString('base64') }));
    expect(frame).toMatchObject({ width: 16, height: 9, mime: 'image/png' });
    expect(frame.path).toMatch(/^media\/[0-9a-f]{16}\/Shot 1\.png$/);
    expect(await readFile(join(dir, frame.path))).toEqual(bytes);
  });

  it('refuses malformed base64 with INVALID_ARGUMENT naming the file, writing nothing', async () => {
    const { api, dir, projectId } = await opened();
    const good = pngBytes(4, 4).toString('base64');
    for (const dataBase64 of [good.slice(1), `${good}=`, good.replace(/.$/, '-')]) {
      expectErr(await api.importFrameImage({ projectId, clientId: CLIENT, fileName: 'a.png', dataBase64 }), 'INVALID_ARGUMENT', /"a.png"/, /malformed base64/);
    }
    expect(await namesIn(join(dir, 'media'))).toEqual([]);
  });

  it('refuses a client that does not own the project (CONFLICT) and a project that is not open (NOT_FOUND)', async () => {
    const { api, dir, projectId } = await opened();
    const dataBase64 = pngBytes(4, 4).toString('base64');
    expectErr(await api.importFrameImage({ projectId, clientId: OTHER_CLIENT, fileName: 'a.png', dataBase64 }), 'CONFLICT', /another window or tab/);
    expectOk(await api.closeProject({ projectId, clientId: CLIENT }));
    expectErr(await api.importFrameImage({ projectId, clientId: CLIENT, fileName: 'a.png', dataBase64 }), 'NOT_FOUND', /not open/);
    expect(await namesIn(join(dir, 'media'))).toEqual([]);
  });

  it('passes the refusals of the image check through (a text file named .png)', async () => {
    const { api, projectId } = await opened();
    const dataBase64 = Buffer.from('hello, not an image').toString('base64');
    expectErr(
      await api.importFrameImage({ projectId, clientId: CLIENT, fileName: 'notes.png', dataBase64 }),
      'INVALID_ARGUMENT',
      /"notes.png" is not an image/,
    );
  });

  it('refuses when the disk is low, through the same free-space probe as other writes', async () => {
    const { api, free, dir, projectId } = await opened();
    free.bytes = 1000;
    expectErr(await api.importFrameImage({ projectId, clientId: CLIENT, fileName: 'a.png', dataBase64: pngBytes(4, 4).toString('base64') }), 'NO_SPACE');
    expect(await namesIn(join(dir, 'media'))).toEqual([]);
  });

  it('refuses a project open read-only (written by a newer version) with READ_ONLY, writing nothing', async () => {
    const { api } = await setup();
    const created = expectOk(await api.createProject(createInput('Future')));
    const file = JSON.parse(await readFile(join(created.path, 'project.json'), 'utf8')) as Record<string, unknown>;
    const newer = { ...file, schemaVersion: PROJECT_SCHEMA_VERSION + 1, writtenBy: { app: 'Shotcanvas', version: '9.9.9' }, minReaderVersion: '0.0.1' };
    await writeFile(join(created.path, 'project.json'), JSON.stringify(newer));
    const project = expectOk(await api.openProject({ path: created.path, clientId: CLIENT }));
    expect(project.readOnly).toMatch(/read-only/);
    const dataBase64 = pngBytes(4, 4).toString('base64');
    expectErr(await api.importFrameImage({ projectId: project.file.projectId, clientId: CLIENT, fileName: 'a.png', dataBase64 }), 'READ_ONLY', /read-only/);
    expect(await namesIn(join(created.path, 'media'))).toEqual([]);
  });

  it('arguments of the wrong type never reach the service', async () => {
    const { api, projectId } = await opened();
    const base = { projectId, clientId: CLIENT, fileName: 'a.png', dataBase64: 'aGk=' };
    for (const arg of [{ ...base, fileName: 42 }, { ...base, dataBase64: 'not base64!' }, { ...base, dataBase64: 7 }, { ...base, extra: true }, 'x']) {
      expectErr(await dispatchApiCall(api, 'importFrameImage', [arg]), 'INVALID_ARGUMENT', /Invalid argument for importFrameImage/);
    }
  });
});
