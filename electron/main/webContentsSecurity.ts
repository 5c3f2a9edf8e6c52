import type { Event, HandlerDetails, WebContents, WebPreferences } from 'electron';

/** The webPreferences every Shotcanvas window uses: the security baseline of ARCHITECTURE.md. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/** The subset of WebContents this module touches, so tests can pass a recording fake. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** True only for https links, the one kind that may leave the app (in the system browser). */
export function isExternalHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The renderer never navigates: the app is one page. Navigations, redirects, new windows and
 * webviews are all refused; an https link is handed to the system browser instead.
 */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    event.preventDefault();
    if (isExternalHttpsUrl(url)) openExternal(url);
  });
  contents.on('will-redirect', (event: Event) => event.preventDefault());
  contents.on('will-attach-webview', (event: Event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    if (isExternalHttpsUrl(details.url)) openExternal(details.url);
    return { action: 'deny' };
  });
}
