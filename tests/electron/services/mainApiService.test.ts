import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/appInfo.ts';
import { checkExternalUrl } from '../../../electron/services/mainApiService.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import { ok } from '../../../shared/result.ts';
import { CLIENT, createInput, expectErr, expectOk } from './support/library.ts';
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
