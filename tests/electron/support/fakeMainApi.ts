import type { MainApi, MainApiMethod } from '../../../shared/ipc/contract.ts';
import { MAIN_API_METHODS } from '../../../shared/ipc/contract.ts';
import { ok } from '../../../shared/result.ts';

export interface RecordedApiCall {
  readonly method: MainApiMethod;
  readonly args: readonly unknown[];
}

/** A MainApi whose every method records its call and resolves to ok('<method> result'). */
export function fakeMainApi(): { api: MainApi; calls: RecordedApiCall[] } {
  const calls: RecordedApiCall[] = [];
  const entries = MAIN_API_METHODS.map((method) => [
    method,
    (...args: unknown[]) => {
      calls.push({ method, args });
      return Promise.resolve(ok(`${method} result`));
    },
  ]);
  return { api: Object.fromEntries(entries) as unknown as MainApi, calls };
}
