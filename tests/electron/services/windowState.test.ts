import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import type { Rectangle, WindowState } from '../../../electron/services/windowState.ts';
import { DEFAULT_WINDOW_SIZE, restoreWindowBounds, windowStateStore } from '../../../electron/services/windowState.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor: Rectangle = { x: 1920, y: 0, width: 2560, height: 1440 };

function within(bounds: Rectangle, area: Rectangle) {
  return bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height;
}

describe('restoreWindowBounds', () => {
  it('reuses saved bounds on a connected display, including a secondary one', () => {
    const saved: WindowState = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('keeps maximized when the saved bounds are reused', () => {
    const saved: WindowState = { bounds: { x: 10, y: 10, width: 1200, height: 800 }, maximized: true };
    expect(restoreWindowBounds(saved, [laptop])).toEqual(saved);
  });

  it('centres on the primary display when the saved monitor was unplugged', () => {
    const saved: WindowState = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    const restored = restoreWindowBounds(saved, [laptop]);
    expect(restored.bounds).toEqual({ x: 240, y: 90, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
    expect(within(restored.bounds, laptop)).toBe(true);
    expect(restored.maximized).toBe(false);
  });

  it('keeps maximized when it has to move the window', () => {
    const saved: WindowState = { bounds: { x: -5000, y: -5000, width: 1600, height: 1000 }, maximized: true };
    expect(restoreWindowBounds(saved, [laptop]).maximized).toBe(true);
  });

  it('never makes the window larger than a small primary display', () => {
    const small: Rectangle = { x: 100, y: 50, width: 1280, height: 720 };
    const restored = restoreWindowBounds(null, [small]);
    expect(restored.bounds).toEqual({ x: 100, y: 50, width: 1280, height: 720 });
    expect(within(restored.bounds, small)).toBe(true);
  });

  it('moves a window that shows only a sliver (< 80 px) on any display', () => {
    const sliver: WindowState = { bounds: { x: 1900, y: 100, width: 1000, height: 800 }, maximized: false };
    const restored = restoreWindowBounds(sliver, [laptop]);
    expect(restored.bounds).not.toEqual(sliver.bounds);
    expect(within(restored.bounds, laptop)).toBe(true);
    const enough: WindowState = { bounds: { x: 1840, y: 100, width: 1000, height: 800 }, maximized: false };
    expect(restoreWindowBounds(enough, [laptop])).toEqual(enough);
  });

  it('uses the default size centred when nothing was saved', () => {
    expect(restoreWindowBounds(null, [rightMonitor, laptop])).toEqual({
      bounds: { x: 1920 + 560, y: 270, width: 1440, height: 900 },
      maximized: false,
    });
  });

  it('copes with no display information at all', () => {
    expect(restoreWindowBounds(null, [])).toEqual({ bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false });
  });
});

describe('windowStateStore', () => {
  it('is null when nothing was saved, and round-trips a state', async () => {
    const store = windowStateStore(nodeFileSystem, tmp());
    expect(await store.load()).toEqual({ value: null, problem: null });
    const state: WindowState = { bounds: { x: 1, y: 2, width: 1300, height: 700 }, maximized: true };
    await store.save(state);
    expect((await windowStateStore(nodeFileSystem, tmp()).load()).value).toEqual(state);
    expect(JSON.parse(await readFile(join(tmp(), 'window-state.json'), 'utf8'))).toEqual(state);
  });

  it('sets aside a file with impossible bounds and returns null', async () => {
    await writeFile(join(tmp(), 'window-state.json'), JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 }, maximized: false }));
    const loaded = await windowStateStore(nodeFileSystem, tmp()).load();
    expect(loaded.value).toBeNull();
    expect(loaded.problem).toContain('window-state.json');
    expect((await namesIn(tmp()))[0]).toMatch(/^window-state\.json\.invalid-/);
  });
});
