import type { MainApi, MainApiMethod } from '../../../../shared/ipc/contract.ts';
import { MAIN_API_METHODS } from '../../../../shared/ipc/contract.ts';
import { ok } from '../../../../shared/result.ts';

/**
 * A MainApi whose methods record their arguments and resolve ok(<method>). `impl` replaces single
 * methods (to throw, or to return something that is not a Result).
 */
export function recordingApi(impl: Partial<Record<MainApiMethod, (arg: unknown) => unknown>> = {}) {
  const calls: Array<{ method: MainApiMethod; args: unknown[] }> = [];
  const api = Object.fromEntries(
    MAIN_API_METHODS.map((method) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method, args });
        const own = impl[method];
        return own ? own(args[0]) : Promise.resolve(ok(method));
      },
    ]),
  ) as unknown as MainApi;
  return { api, calls };
}
