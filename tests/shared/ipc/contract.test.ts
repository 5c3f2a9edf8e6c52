import { describe, expect, it } from 'vitest';
import {
  CONTRACT_IS_COMPLETE,
  MAIN_API_METHODS,
  MAIN_EVENT_NAMES,
  MENU_COMMANDS,
  apiChannel,
  eventChannel,
  isMainApiMethod,
  isMainEventName,
} from '../../../shared/ipc/contract.ts';
import { ARG_SCHEMAS_MATCH, MAIN_API_ARG_SCHEMAS, MAIN_EVENT_SCHEMAS } from '../../../shared/ipc/argSchemas.ts';

describe('IPC contract', () => {
  it('lists each method and event once', () => {
    expect(new Set(MAIN_API_METHODS).size).toBe(MAIN_API_METHODS.length);
    expect(new Set(MAIN_EVENT_NAMES).size).toBe(MAIN_EVENT_NAMES.length);
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
    expect(CONTRACT_IS_COMPLETE).toBe(true);
    expect(ARG_SCHEMAS_MATCH).toBe(true);
  });

  it('has exactly one argument schema per method', () => {
    expect(Object.keys(MAIN_API_ARG_SCHEMAS).sort()).toEqual([...MAIN_API_METHODS].sort());
    expect(Object.keys(MAIN_EVENT_SCHEMAS).sort()).toEqual([...MAIN_EVENT_NAMES].sort());
  });

  it('derives channel names from method and event names', () => {
    expect(apiChannel('saveSnapshot')).toBe('api:saveSnapshot');
    expect(eventChannel('flushRequest')).toBe('event:flushRequest');
    const channels = MAIN_API_METHODS.map(apiChannel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('recognises only known method and event names', () => {
    for (const method of MAIN_API_METHODS) expect(isMainApiMethod(method)).toBe(true);
    for (const event of MAIN_EVENT_NAMES) expect(isMainEventName(event)).toBe(true);
    for (const value of ['toString', '__proto__', 'constructor', 'api:openProject', '', 42, null, 'menuCommand']) {
      expect(isMainApiMethod(value)).toBe(false);
    }
    expect(isMainEventName('saveSnapshot')).toBe(false);
    expect(isMainEventName('hasOwnProperty')).toBe(false);
  });
});

describe('event schemas', () => {
  it('accept well-formed payloads and reject others', () => {
    expect(MAIN_EVENT_SCHEMAS.menuCommand.safeParse({ command: 'zoom-fit' }).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.menuCommand.safeParse({ command: 'format-disk' }).success).toBe(false);
    expect(MAIN_EVENT_SCHEMAS.flushRequest.safeParse({ requestId: 'r1', reason: 'quit' }).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.flushRequest.safeParse({ requestId: '', reason: 'quit' }).success).toBe(false);
    expect(MAIN_EVENT_SCHEMAS.flushRequest.safeParse({ requestId: 'r1', reason: 'crash' }).success).toBe(false);
  });

  it('accept what the services emit for jobs, owner pings, takeovers, storage warnings and bundles', () => {
    const progress = { jobId: 'j1', kind: 'bundle-export', label: 'Exporting Film', done: 3, total: 10, phase: null };
    expect(MAIN_EVENT_SCHEMAS.jobProgress.safeParse(progress).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.jobProgress.safeParse({ ...progress, kind: 'format-disk' }).success).toBe(false);
    const finished = {
      jobId: 'j1',
      kind: 'backup-restore',
      label: 'Restoring a backup',
      ok: false,
      error: { code: 'CANCELLED', message: 'cancelled' },
      value: null,
    };
    expect(MAIN_EVENT_SCHEMAS.jobFinished.safeParse(finished).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.jobFinished.safeParse({ ...finished, ok: true, error: null, value: { revision: 3 } }).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.jobFinished.safeParse({ ...finished, extra: 1 }).success).toBe(false);
    expect(MAIN_EVENT_SCHEMAS.ownerPing.safeParse({ projectId: 'p', nonce: 'n' }).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.projectTakenOver.safeParse({ projectId: 'p' }).success).toBe(false);
    expect(MAIN_EVENT_SCHEMAS.storageWarning.safeParse({ path: '/p', freeBytes: 10, low: true, message: 'Only 10 B free' }).success).toBe(true);
    expect(MAIN_EVENT_SCHEMAS.openBundle.safeParse({ path: 42 }).success).toBe(false);
  });
});
