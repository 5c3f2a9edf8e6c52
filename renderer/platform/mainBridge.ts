import type { HostFiles, MainApiArg, MainApiMethod, MainApiValue, MainEventName, MainEvents, ShotcanvasBridge } from '../../shared/ipc/contract.ts';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract.ts';
import type { AppError, Result } from '../../shared/result.ts';

/**
 * The only reader of `window.shotcanvas`. The desktop preload and the web host's bridge script
 * both define it; the rest of the renderer calls through here and never sees the transport.
 */
function bridge(): ShotcanvasBridge {
  const value = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof value !== 'object' || value === null) throw new BridgeMissingError();
  return value as ShotcanvasBridge;
}

export class BridgeMissingError extends Error {
  constructor() {
    super('Shotcanvas is not connected to its services. Start it with `npm start` (desktop) or open the URL that `npm run web` prints.');
  }
}

export function hasBridge(): boolean {
  return typeof (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] === 'object';
}

export function hostKind(): 'desktop' | 'web' {
  return bridge().hostKind;
}

/** What this host can do with a File from a drop or a file input (a path on the desktop, an upload on the web). */
export function hostFiles(): HostFiles {
  return bridge().files ?? {};
}

export type CallResult<M extends MainApiMethod> = Result<MainApiValue<M>>;

/** Calls a main-process method; a transport failure comes back as a Result, never a throw. */
export async function callMain<M extends MainApiMethod>(method: M, ...arg: MainApiArg<M> extends undefined ? [] : [MainApiArg<M>]): Promise<CallResult<M>> {
  try {
    const fn = bridge()[method] as (...a: unknown[]) => Promise<CallResult<M>>;
    return await fn(...arg);
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Like callMain, but throws an AppErrorException for code paths that surface errors in UI. */
export async function callMainOrThrow<M extends MainApiMethod>(
  method: M,
  ...arg: MainApiArg<M> extends undefined ? [] : [MainApiArg<M>]
): Promise<MainApiValue<M>> {
  const result = await callMain(method, ...arg);
  if (!result.ok) throw new AppErrorException(result.error);
  return result.value;
}

export class AppErrorException extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.appError = appError;
  }
}

export function onMainEvent<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void {
  return bridge().on(event, listener);
}
