import type { IpcMainInvokeEvent } from 'electron';
import type { MainApi } from '../../shared/ipc/contract.ts';
import { MAIN_API_METHODS, apiChannel } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/result.ts';
import { err } from '../../shared/result.ts';
import type { ApiLogger } from '../services/apiDispatcher.ts';
import { dispatchApiCall } from '../services/apiDispatcher.ts';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * One `ipcMain.handle` per MainApi method, on derived channel names. Each handler checks the
 * sender frame first, then validates and dispatches. Returns a function that unregisters all.
 */
export function registerMainApi(ipcMain: IpcMainLike, api: MainApi, isTrusted: (event: IpcMainInvokeEvent) => boolean, log: ApiLogger): () => void {
  for (const method of MAIN_API_METHODS) {
    ipcMain.handle(apiChannel(method), async (event, ...args): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        log(`refused ${method} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
        return err('FORBIDDEN', `${method} was called from a page that is not Shotcanvas.`);
      }
      return dispatchApiCall(api, method, args, log);
    });
  }
  return () => MAIN_API_METHODS.forEach((method) => ipcMain.removeHandler(apiChannel(method)));
}
