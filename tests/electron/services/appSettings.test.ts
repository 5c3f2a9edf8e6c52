import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSettingsStore, defaultSettings } from '../../../electron/services/appSettings.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const workspace = '/home/someone/Shotcanvas';
const settingsStore = () => new AppSettingsStore(nodeFileSystem, tmp(), workspace);

describe('AppSettingsStore', () => {
  it('uses defaults when settings.json is missing, without writing it', async () => {
    expect(await settingsStore().get()).toEqual(defaultSettings(workspace));
    expect(defaultSettings(workspace)).toEqual({ workspaceDir: workspace, inspectorWidth: 320, showInspector: true });
    expect(await namesIn(tmp())).toEqual([]);
  });

  it('persists updates across new instances', async () => {
    const updated = await settingsStore().update({ inspectorWidth: 400 });
    expect(updated).toEqual({ ...defaultSettings(workspace), inspectorWidth: 400 });
    expect(await settingsStore().get()).toEqual(updated);
    const onDisk = JSON.parse(await readFile(join(tmp(), 'settings.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual(updated);
  });

  it('ignores undefined fields of a patch instead of erasing values', async () => {
    const store = settingsStore();
    await store.update({ workspaceDir: '/data/projects' });
    expect(await store.update({ workspaceDir: undefined, showInspector: false })).toEqual({
      workspaceDir: '/data/projects',
      inspectorWidth: 320,
      showInspector: false,
    });
  });

  it('keeps every field when two updates are made without waiting in between', async () => {
    const store = settingsStore();
    await Promise.all([store.update({ inspectorWidth: 480 }), store.update({ showInspector: false })]);
    expect(await settingsStore().get()).toEqual({ workspaceDir: workspace, inspectorWidth: 480, showInspector: false });
  });

  it('sets an invalid file aside and falls back to defaults', async () => {
    await writeFile(join(tmp(), 'settings.json'), '{"workspaceDir": 12}');
    expect(await settingsStore().get()).toEqual(defaultSettings(workspace));
    const names = await namesIn(tmp());
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^settings\.json\.invalid-\d+$/);
  });

  it('rejects values out of range (inspector width below 240)', async () => {
    await writeFile(join(tmp(), 'settings.json'), JSON.stringify({ workspaceDir: '/w', inspectorWidth: 10, showInspector: true }));
    expect((await settingsStore().get()).inspectorWidth).toBe(320);
  });

  it('rejects a __proto__ key', async () => {
    await writeFile(join(tmp(), 'settings.json'), '{"workspaceDir": "/w", "inspectorWidth": 300, "showInspector": true, "__proto__": {"x": 1}}');
    expect(await settingsStore().get()).toEqual(defaultSettings(workspace));
    expect((await namesIn(tmp()))[0]).toMatch(/^settings\.json\.invalid-/);
  });

  it('drops unknown keys written by a newer version instead of discarding the file', async () => {
    await writeFile(join(tmp(), 'settings.json'), JSON.stringify({ workspaceDir: '/w', inspectorWidth: 300, showInspector: false, futureThing: 1 }));
    expect(await settingsStore().get()).toEqual({ workspaceDir: '/w', inspectorWidth: 300, showInspector: false });
    expect(await namesIn(tmp())).toEqual(['settings.json']);
  });
});
