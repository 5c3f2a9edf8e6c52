import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/webContentsSecurity.ts';
import type { BrowserWindowConstructor } from '../../../electron/main/windowFactory.ts';
import { createMainWindow } from '../../../electron/main/windowFactory.ts';
import type { WindowState } from '../../../electron/services/windowState.ts';
import { MIN_WINDOW_SIZE } from '../../../electron/services/windowState.ts';
import { FakeWebContents } from '../support/fakeElectron.ts';

/** Stands in for Electron's BrowserWindow: keeps its options and records what is done to it. */
class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly once_ = new Map<string, Array<() => void>>();
  maximized = false;
  shown = false;
  /** What was true at the moment show() was called. */
  maximizedBeforeShow: boolean | null = null;

  readonly options: BrowserWindowConstructorOptions;

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  once(event: string, listener: () => void): this {
    this.once_.set(event, [...(this.once_.get(event) ?? []), listener]);
    return this;
  }
  emitOnce(event: string): void {
    const listeners = this.once_.get(event) ?? [];
    this.once_.delete(event);
    for (const listener of listeners) listener();
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {
    this.shown = true;
    this.maximizedBeforeShow = this.maximized;
  }
}

const BOUNDS = { x: 40, y: 30, width: 1280, height: 800 };

function open(state: WindowState, rendererUrl = 'app://shotcanvas/index.html') {
  FakeBrowserWindow.created = [];
  const opened: string[] = [];
  const returned = createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
    preloadPath: '/app/.vite/build/preload.cjs',
    state,
    rendererUrl,
    title: 'Shotcanvas',
    openExternal: (url) => opened.push(url),
  });
  expect(FakeBrowserWindow.created).toHaveLength(1);
  const win = FakeBrowserWindow.created[0]!;
  expect(returned).toBe(win);
  return { win, opened };
}

describe('createMainWindow', () => {
  it('creates a hidden window with the hardened preferences, minimum size and saved bounds', () => {
    const { win } = open({ bounds: BOUNDS, maximized: false });
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/.vite/build/preload.cjs'));
    expect(win.options).toMatchObject({
      ...BOUNDS,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: 'Shotcanvas',
    });
  });

  it('loads the renderer URL it was given', () => {
    expect(open({ bounds: BOUNDS, maximized: false }).win.loaded).toEqual(['app://shotcanvas/index.html']);
    expect(open({ bounds: BOUNDS, maximized: false }, 'http://localhost:5173/').win.loaded).toEqual(['http://localhost:5173/']);
  });

  it('hardens its web contents: window.open is denied, navigation prevented, https sent out', () => {
    const { win, opened } = open({ bounds: BOUNDS, maximized: false });
    expect(win.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(win.webContents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(win.webContents.fire('will-navigate', 'http://evil.example/').defaultPrevented).toBe(true);
    expect(opened).toEqual(['https://example.com/']);
  });

  it('shows the window on ready-to-show, maximizing it first when the saved state was maximized', () => {
    const maximized = open({ bounds: BOUNDS, maximized: true }).win;
    expect(maximized.shown).toBe(false);
    maximized.emitOnce('ready-to-show');
    expect(maximized.maximized).toBe(true);
    expect(maximized.shown).toBe(true);
    expect(maximized.maximizedBeforeShow).toBe(true);

    const normal = open({ bounds: BOUNDS, maximized: false }).win;
    normal.emitOnce('ready-to-show');
    expect(normal.maximized).toBe(false);
    expect(normal.shown).toBe(true);
  });
});
