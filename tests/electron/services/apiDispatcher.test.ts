import { describe, expect, it } from 'vitest';
import { dispatchApiCall, methodNameOf } from '../../../electron/services/apiDispatcher.ts';
import type { MainApiMethod } from '../../../shared/ipc/contract.ts';
import { MAIN_API_METHODS } from '../../../shared/ipc/contract.ts';
import { recordingApi } from './support/fakeApi.ts';
import { expectErr, expectOk } from './support/library.ts';
import { documentData, shot } from './support/projectData.ts';

const PROJECT_ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const CLIENT = 'tab-3f2b8c1e';
const projectClient = { projectId: PROJECT_ID, clientId: CLIENT };
const validCreate = { name: 'Film', frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080 };

/** Calls the dispatcher and proves the implementation was not reached. */
async function expectRejected(method: unknown, args: unknown[], ...patterns: Array<RegExp | string>) {
  const { api, calls } = recordingApi();
  const logs: string[] = [];
  const error = expectErr(await dispatchApiCall(api, method, args, (m) => logs.push(m)), 'INVALID_ARGUMENT', ...patterns);
  expect(calls).toEqual([]);
  return error;
}

describe('dispatchApiCall: refusals (the implementation is never called)', () => {
  it.each([['deleteEverything'], ['constructor'], ['__proto__'], ['toString'], [42], [null], [undefined]])('unknown method %j', async (method) => {
    const error = await expectRejected(method, [], /Unknown method/);
    expect(error.where).toBe('method');
  });

  it('quotes and shortens an unknown method name', async () => {
    const error = await expectRejected('x'.repeat(500), [], /Unknown method "x+"/);
    expect(error.message.length).toBeLessThan(120);
  });

  it('too many arguments', async () => {
    const error = await expectRejected('openProject', [{ path: '/p', clientId: CLIENT }, { path: '/q', clientId: CLIENT }], 'openProject takes at most one argument, got 2');
    expect(error.where).toBe('openProject');
  });

  it('an argument for a method that takes none', async () => {
    await expectRejected('listProjects', [{}], 'Invalid argument for listProjects');
  });

  it('a missing argument', async () => {
    await expectRejected('openProject', [], 'Invalid argument for openProject');
  });

  it.each<[MainApiMethod, unknown, string]>([
    ['openProject', { path: 42, clientId: CLIENT }, 'arg.path'],
    ['openProject', { path: '', clientId: CLIENT }, 'arg.path'],
    ['openProject', { path: '/a\u0000b', clientId: CLIENT }, 'arg.path'],
    ['openProject', { path: '/p', clientId: CLIENT, extra: true }, 'extra'],
    ['openProject', { clientId: CLIENT }, 'arg.path'],
    ['openProject', { path: '/p' }, 'arg.clientId'],
    ['openProject', '/p', 'arg'],
    ['createProject', { ...validCreate, width: 'wide' }, 'arg.width'],
    ['createProject', { ...validCreate, width: 8 }, 'arg.width'],
    ['createProject', { ...validCreate, frameRate: { num: 24 } }, 'arg.frameRate.den'],
    ['createProject', { ...validCreate, dropFrame: undefined }, 'arg.dropFrame'],
    // As it arrives over HTTP: JSON.parse makes __proto__ an own key.
    ['createProject', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(validCreate).slice(1)}`), '__proto__'],
    ['closeProject', { projectId: 'not-a-uuid', clientId: CLIENT }, 'arg.projectId'],
    ['closeProject', { projectId: PROJECT_ID }, 'arg.clientId'],
    ['saveSnapshot', { ...projectClient, revision: -1, data: documentData() }, 'arg.revision'],
    ['saveSnapshot', { ...projectClient, revision: 1, data: { settings: {}, shots: [] } }, 'arg.data.settings'],
    ['saveSnapshot', { ...projectClient, revision: 1 }, 'arg.data'],
    ['saveChanges', { ...projectClient, baseRevision: 4, revision: 4, puts: [], deletes: [], settings: null }, 'arg.revision'],
    ['saveChanges', { ...projectClient, baseRevision: 0, revision: 1, puts: [{ ...shot(), x: 'left' }], deletes: [], settings: null }, 'arg.puts[0].x'],
    ['restoreBackup', { ...projectClient, backupId: '' }, 'arg.backupId'],
    ['cancelJob', { jobId: 'job-1' }, 'arg.jobId'],
    ['updateSettings', { inspectorWidth: 10_000 }, 'arg.inspectorWidth'],
    ['updateSettings', { theme: 'dark' }, 'theme'],
    ['showOpenDialog', { purpose: 'delete-everything' }, 'arg.purpose'],
    ['acknowledgeFlush', { requestId: 'r1' }, 'arg.saved'],
  ])('%s with %j names the field (%s)', async (method, arg, field) => {
    const error = await expectRejected(method, [arg], `Invalid argument for ${method}`, field);
    expect(error.where).toBe(method);
  });
});

describe('dispatchApiCall: calls', () => {
  it('passes the parsed argument through and returns the Result unchanged', async () => {
    const { api, calls } = recordingApi();
    expect(expectOk(await dispatchApiCall(api, 'createProject', [validCreate]))).toBe('createProject');
    expect(calls).toEqual([{ method: 'createProject', args: [validCreate] }]);
  });

  it('calls no-argument methods with undefined', async () => {
    const { api, calls } = recordingApi();
    expectOk(await dispatchApiCall(api, 'getHostInfo', []));
    expectOk(await dispatchApiCall(api, 'listProjects', [undefined]));
    expect(calls).toEqual([
      { method: 'getHostInfo', args: [undefined] },
      { method: 'listProjects', args: [undefined] },
    ]);
  });

  it('passes an error Result from the implementation through', async () => {
    const { api } = recordingApi({ openProject: () => Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }) });
    expectErr(await dispatchApiCall(api, 'openProject', [{ path: '/p', clientId: CLIENT }]), 'NOT_FOUND', 'gone');
  });

  it('turns a throw into INTERNAL naming the method, and logs it', async () => {
    const logs: Array<[string, unknown]> = [];
    const boom = new Error('kaboom');
    const { api } = recordingApi({ listProjects: () => Promise.reject(boom) });
    const error = expectErr(await dispatchApiCall(api, 'listProjects', [], (m, e) => logs.push([m, e])), 'INTERNAL', 'listProjects', 'kaboom');
    expect(error.where).toBe('listProjects');
    expect(logs).toEqual([['listProjects threw', boom]]);
  });

  it('turns a synchronous throw into INTERNAL too', async () => {
    const { api } = recordingApi({
      getSettings: () => {
        throw new TypeError('sync failure');
      },
    });
    expectErr(await dispatchApiCall(api, 'getSettings', []), 'INTERNAL', 'sync failure');
  });

  it.each([[undefined], ['ok'], [{ ok: true }], [{ ok: false }], [{ ok: false, error: { code: 1 } }]])(
    'turns a non-Result return %j into INTERNAL',
    async (value) => {
      const logs: string[] = [];
      const { api } = recordingApi({ getSettings: () => Promise.resolve(value) });
      expectErr(await dispatchApiCall(api, 'getSettings', [], (m) => logs.push(m)), 'INTERNAL', 'getSettings returned an unexpected value');
      expect(logs).toEqual(['getSettings returned a non-Result value']);
    },
  );

  it('every method in the contract has a schema and can be dispatched', async () => {
    const { api } = recordingApi();
    for (const method of MAIN_API_METHODS) {
      const result = await dispatchApiCall(api, method, []);
      // Methods without an argument succeed; the others refuse the missing argument cleanly.
      expect(result.ok || result.error.code === 'INVALID_ARGUMENT').toBe(true);
    }
  });
});

describe('methodNameOf', () => {
  it('maps api:<method> channels to method names and nothing else', () => {
    expect(methodNameOf('api:openProject')).toBe('openProject');
    expect(methodNameOf('openProject')).toBeNull();
    expect(methodNameOf('api:nope')).toBeNull();
    expect(methodNameOf('event:menuCommand')).toBeNull();
    expect(methodNameOf('api:')).toBeNull();
  });
});
