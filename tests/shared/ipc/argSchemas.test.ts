import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MainApiMethod } from '../../../shared/ipc/contract.ts';
import { MAIN_API_METHODS } from '../../../shared/ipc/contract.ts';
import { MAIN_API_ARG_SCHEMAS } from '../../../shared/ipc/argSchemas.ts';
import { projectData, shot } from '../fixtures.ts';

/** A well-formed argument for every method (undefined for methods without one). */
const GOOD: { [M in MainApiMethod]: unknown } = {
  getHostInfo: undefined,
  listProjects: undefined,
  createProject: { name: 'Été – Teaser', frameRate: { num: 30000, den: 1001 }, dropFrame: true, width: 1920, height: 1080 },
  openProject: { path: '/home/me/Shotcanvas/Teaser' },
  closeProject: { projectId: randomUUID() },
  renameProject: { path: 'C:\\Users\\me\\Teaser', name: 'Teaser v2' },
  duplicateProject: { path: '/p/Teaser', name: 'Teaser copy' },
  trashProject: { path: '/p/Teaser' },
  forgetRecentProject: { path: '/p/Teaser' },
  saveSnapshot: { projectId: randomUUID(), revision: 12, data: projectData() },
  getSettings: undefined,
  updateSettings: { inspectorWidth: 320 },
  browseFolder: {},
  showOpenDialog: { purpose: 'choose-folder' },
  openExternal: { url: 'https://example.com/help' },
  acknowledgeFlush: { requestId: 'flush-1', saved: true },
};

function accepts(method: MainApiMethod, arg: unknown): boolean {
  return MAIN_API_ARG_SCHEMAS[method].safeParse(arg).success;
}

describe('argument schemas', () => {
  it.each(MAIN_API_METHODS)('%s accepts a well-formed argument', (method) => {
    expect(accepts(method, GOOD[method])).toBe(true);
  });

  it.each(MAIN_API_METHODS.filter((m) => GOOD[m] !== undefined))('%s rejects an unknown extra key', (method) => {
    expect(accepts(method, { ...(GOOD[method] as object), injected: true })).toBe(false);
  });

  it.each(MAIN_API_METHODS.filter((m) => GOOD[m] === undefined))('%s rejects any argument', (method) => {
    expect(accepts(method, {})).toBe(false);
    expect(accepts(method, null)).toBe(false);
  });

  it.each(MAIN_API_METHODS.filter((m) => GOOD[m] !== undefined))('%s rejects non-objects', (method) => {
    expect(accepts(method, 'x')).toBe(false);
    expect(accepts(method, [])).toBe(false);
    expect(accepts(method, null)).toBe(false);
  });

  it('createProject checks types and ranges', () => {
    const good = GOOD.createProject as Record<string, unknown>;
    expect(accepts('createProject', { ...good, frameRate: '29.97' })).toBe(false);
    expect(accepts('createProject', { ...good, frameRate: { num: 29.97, den: 1 } })).toBe(false);
    expect(accepts('createProject', { ...good, dropFrame: 'yes' })).toBe(false);
    expect(accepts('createProject', { ...good, width: 8 })).toBe(false);
    expect(accepts('createProject', { ...good, height: 100000 })).toBe(false);
    expect(accepts('createProject', { ...good, parentDir: '/home/me/Films' })).toBe(true);
    expect(accepts('createProject', { ...good, parentDir: '' })).toBe(false);
  });

  it.each(['/p/a\u0000b', '/p/line\nbreak', '', 'x'.repeat(4097)])('path schemas reject %j', (path) => {
    expect(accepts('openProject', { path })).toBe(false);
    expect(accepts('trashProject', { path })).toBe(false);
    expect(accepts('browseFolder', { path })).toBe(false);
    expect(accepts('updateSettings', { workspaceDir: path })).toBe(false);
  });

  it('accepts non-ASCII paths and an absent optional path', () => {
    expect(accepts('openProject', { path: '/Users/zoë/Фильмы/東京' })).toBe(true);
    expect(accepts('browseFolder', {})).toBe(true);
  });

  it('closeProject requires a UUID project id', () => {
    expect(accepts('closeProject', { projectId: 'project-1' })).toBe(false);
    expect(accepts('closeProject', {})).toBe(false);
  });

  it('saveSnapshot validates the whole document', () => {
    const good = GOOD.saveSnapshot as { projectId: string; revision: number };
    const badShot = { ...shot(), status: 'published' };
    expect(accepts('saveSnapshot', { ...good, data: projectData([badShot as never]) })).toBe(false);
    expect(accepts('saveSnapshot', { ...good, data: projectData([{ ...shot(), x: Number.NaN }]) })).toBe(false);
    expect(accepts('saveSnapshot', { ...good, data: { ...projectData(), extra: 1 } })).toBe(false);
    expect(accepts('saveSnapshot', { ...good, data: projectData([shot({ customFields: JSON.parse('{"constructor":"x"}') as Record<string, string> })]) })).toBe(
      false,
    );
    expect(accepts('saveSnapshot', { ...good, revision: -1 })).toBe(false);
    expect(accepts('saveSnapshot', { ...good, revision: 1.5 })).toBe(false);
  });

  it('never lets a __proto__ key through: strict objects refuse it, records strip it', () => {
    expect(accepts('openProject', JSON.parse('{"path":"/p","__proto__":{"polluted":true}}'))).toBe(false);
    const customFields = JSON.parse('{"__proto__":{"polluted":"yes"},"Location":"Beach"}') as Record<string, string>;
    const parsed = MAIN_API_ARG_SCHEMAS.saveSnapshot.safeParse({ ...(GOOD.saveSnapshot as object), data: projectData([shot({ customFields })]) });
    if (!parsed.success) throw new Error(parsed.error.message);
    const fields = parsed.data.data.shots[0]!.customFields;
    expect(Object.keys(fields)).toEqual(['Location']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect((fields as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('updateSettings bounds the inspector width and checks types', () => {
    expect(accepts('updateSettings', {})).toBe(true);
    expect(accepts('updateSettings', { inspectorWidth: 100 })).toBe(false);
    expect(accepts('updateSettings', { inspectorWidth: 900 })).toBe(false);
    expect(accepts('updateSettings', { showInspector: 'false' })).toBe(false);
  });

  it('showOpenDialog, openExternal and acknowledgeFlush reject wrong values', () => {
    expect(accepts('showOpenDialog', { purpose: 'delete-everything' })).toBe(false);
    expect(accepts('openExternal', { url: 'x'.repeat(2049) })).toBe(false);
    expect(accepts('acknowledgeFlush', { requestId: '', saved: true })).toBe(false);
    expect(accepts('acknowledgeFlush', { requestId: 'r', saved: 1 })).toBe(false);
  });
});
