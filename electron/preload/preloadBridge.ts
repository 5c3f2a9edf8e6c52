import type { FileLike, HostFiles, MainEventName, ShotcanvasBridge } from '../../shared/ipc/contract.ts';
import { MAIN_API_METHODS, apiChannel, eventChannel, isMainEventName } from '../../shared/ipc/contract.ts';

/** The parts of ipcRenderer the bridge uses; tests pass a recording fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Electron's webUtils.getPathForFile (File objects no longer carry `path`); tests pass a fake. */
export type PathForFile = (file: FileLike) => string;

/**
 * Builds `window.shotcanvas`: one function per MainApi method (on its derived channel),
 * `on(event, listener)` returning an unsubscribe, and `files.pathForFile` for dropped files.
 * ipcRenderer itself and the IPC event object never reach the page.
 */
export function createPreloadBridge(ipc: IpcRendererLike, pathForFile?: PathForFile): ShotcanvasBridge {
  const files: HostFiles = pathForFile
    ? {
        pathForFile: (file) => {
          // Anything but a real File makes Electron throw; the page gets '' (no path) instead.
          try {
            return pathForFile(file);
          } catch {
            return '';
          }
        },
      }
    : {};
  const bridge: Record<string, unknown> = { hostKind: 'desktop', files: Object.freeze(files) };
  for (const method of MAIN_API_METHODS) {
    const channel = apiChannel(method);
    bridge[method] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }
  bridge['on'] = (event: MainEventName, listener: (payload: unknown) => void) => {
    if (!isMainEventName(event)) throw new Error(`Unknown Shotcanvas event: ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  return Object.freeze(bridge) as unknown as ShotcanvasBridge;
}
