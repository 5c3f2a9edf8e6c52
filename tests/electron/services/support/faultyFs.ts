import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';

/** An error shaped like the ones node:fs throws (`code`, `syscall`, `path`). */
export function fsError(code: string, syscall = 'unknown', path = ''): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected failure, ${syscall} '${path}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}

/** The real node:fs/promises with some calls replaced: the `fs` option services accept. */
export function faultyFs(overrides: Partial<FileSystem>): FileSystem {
  return { ...nodeFs, ...overrides } as FileSystem;
}

/** A rename that throws `code` for the first `times` calls matching `when`, then renames for real. */
export function flakyRename(code: string, times: number, when: (from: string, to: string) => boolean = () => true) {
  const calls: Array<{ from: string; to: string; failed: boolean }> = [];
  let failures = 0;
  const rename = (async (from: string, to: string) => {
    if (when(from, to) && failures < times) {
      failures += 1;
      calls.push({ from, to, failed: true });
      throw fsError(code, 'rename', from);
    }
    calls.push({ from, to, failed: false });
    return nodeFs.rename(from, to);
  }) as FileSystem['rename'];
  return { rename, calls };
}

/**
 * An `open` whose handles, for paths matching `when`, fail the named method with `code`
 * (after the real file was opened, as a full disk or a dying drive would).
 */
export function openWithFailingHandle(method: 'writeFile' | 'sync', code: string, when: (path: string) => boolean): FileSystem['open'] {
  return (async (path: string, flags?: string) => {
    const handle = await nodeFs.open(path, flags);
    if (!when(path)) return handle;
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === method) return () => Promise.reject(fsError(code, method === 'sync' ? 'fsync' : 'write', path));
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as FileHandle;
  }) as FileSystem['open'];
}

/** A promise plus the function that settles it: lets a test hold an fs call mid-flight. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
