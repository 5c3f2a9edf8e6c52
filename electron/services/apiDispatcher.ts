import type { MainApi, MainApiMethod } from '../../shared/ipc/contract.ts';
import { isMainApiMethod } from '../../shared/ipc/contract.ts';
import { MAIN_API_ARG_SCHEMAS } from '../../shared/ipc/argSchemas.ts';
import { describeSchemaIssues } from '../../shared/validation.ts';
import type { Result } from '../../shared/result.ts';
import { err, isResult } from '../../shared/result.ts';

export type ApiLogger = (message: string, error?: unknown) => void;

/**
 * The single entry point for a call from a renderer, whichever transport carried it (Electron IPC
 * or the web host's HTTP route): checks the method name, the argument count and the argument
 * schema, then calls the implementation and turns any throw into an INTERNAL Result.
 */
export async function dispatchApiCall(api: MainApi, method: unknown, args: readonly unknown[], log: ApiLogger = () => undefined): Promise<Result<unknown>> {
  if (!isMainApiMethod(method)) return err('INVALID_ARGUMENT', `Unknown method ${JSON.stringify(String(method).slice(0, 60))}.`, 'method');
  if (args.length > 1) return err('INVALID_ARGUMENT', `${method} takes at most one argument, got ${args.length}.`, method);
  const parsed = MAIN_API_ARG_SCHEMAS[method].safeParse(args[0]);
  if (!parsed.success) return err('INVALID_ARGUMENT', `Invalid argument for ${method}: ${describeSchemaIssues(parsed.error, 'arg')}.`, method);
  try {
    const call = api[method] as (arg: unknown) => Promise<unknown>;
    const result = await call.call(api, parsed.data);
    if (!isResult(result)) {
      log(`${method} returned a non-Result value`);
      return err('INTERNAL', `${method} returned an unexpected value.`, method);
    }
    return result;
  } catch (error) {
    log(`${method} threw`, error);
    return err('INTERNAL', `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, method);
  }
}

export function methodNameOf(channel: string): MainApiMethod | null {
  const name = channel.startsWith('api:') ? channel.slice(4) : null;
  return isMainApiMethod(name) ? name : null;
}
