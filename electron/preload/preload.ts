import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract.ts';
import { createPreloadBridge } from './preloadBridge.ts';

// Runs sandboxed with context isolation: the page sees only this frozen object.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createPreloadBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)),
);
