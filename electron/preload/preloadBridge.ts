import type { MainEventName, ShotcanvasBridge } from '../../shared/ipc/contract.ts';
import { MAIN_API_METHODS, apiChannel, eventChannel, isMainEventName } from '../../shared/ipc/contract.ts';

/** The parts of ipcRenderer the bridge uses; tests pass a recording fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.shotcanvas`: one function per MainApi method (on its derived channel) and
 * `on(event, listener)` returning an unsubscribe. ipcRenderer itself and the IPC event object
 * never reach the page.
 */
export function createPreloadBridge(ipc: IpcRendererLike): ShotcanvasBridge {
  const bridge: Record<string, unknown> = { hostKind: 'desktop' };
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
