import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../services/windowState.ts';
import { MIN_WINDOW_SIZE } from '../services/windowState.ts';
import { hardenWebContents, secureWebPreferences } from './webContentsSecurity.ts';

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowOptions {
  readonly BrowserWindow: BrowserWindowConstructor;
  readonly preloadPath: string;
  readonly state: WindowState;
  readonly rendererUrl: string;
  readonly title: string;
  readonly openExternal: (url: string) => void;
}

/** The one place windows are made: every window gets the same hardened preferences and guards. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new options.BrowserWindow({
    ...options.state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    backgroundColor: '#111214',
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(window.webContents, options.openExternal);
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.rendererUrl);
  return window;
}
