import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MainApiMethod } from '../../../shared/ipc/contract.ts';
import { MAIN_API_METHODS, MAX_FRAME_IMAGE_BYTES } from '../../../shared/ipc/contract.ts';
import { MAIN_API_ARG_SCHEMAS, MAX_FRAME_IMAGE_BASE64_CHARS } from '../../../shared/ipc/argSchemas.ts';
import { documentData, settings, shot } from '../fixtures.ts';

const CLIENT = 'tab-7f3a9c21';
const HASH = '0123456789abcdef'.repeat(4);
const MEDIA = { hash: HASH, path: `media/${HASH.slice(0, 16)}/Shot 01 T3.mp4` };

/** A well-formed argument for every method (undefined for methods without one). */
const GOOD: { [M in MainApiMethod]: unknown } = {
  getHostInfo: undefined,
  listProjects: undefined,
  createProject: { name: 'Été – Teaser', frameRate: { num: 30000, den: 1001 }, dropFrame: true, width: 1920, height: 1080 },
  openProject: { path: '/home/me/Shotcanvas/Teaser', clientId: CLIENT },
  closeProject: { projectId: randomUUID(), clientId: CLIENT },
  renameProject: { path: 'C:\\Users\\me\\Teaser', name: 'Teaser v2' },
  duplicateProject: { path: '/p/Teaser', name: 'Teaser copy' },
  trashProject: { path: '/p/Teaser' },
  forgetRecentProject: { path: '/p/Teaser' },
  saveSnapshot: { projectId: randomUUID(), clientId: CLIENT, revision: 12, data: documentData() },
  saveChanges: { projectId: randomUUID(), clientId: CLIENT, baseRevision: 12, revision: 13, puts: [shot()], deletes: [randomUUID()], settings: null },
  answerOwnerPing: { projectId: randomUUID(), nonce: randomUUID(), clientId: CLIENT },
  listBackups: { path: '/p/Teaser' },
  createBackup: { projectId: randomUUID(), clientId: CLIENT, kind: 'pre-bulk-delete', note: 'Before deleting 40 shots' },
  restoreBackup: { projectId: randomUUID(), clientId: CLIENT, backupId: '20250304T050607000Z_auto_r7.json.gz' },
  recoverProject: { path: '/p/Teaser', backupId: '20250304T050607000Z_launch_r7.json.gz' },
  exportBundle: { path: '/p/Teaser' },
  importBundle: { bundlePath: '/downloads/Teaser.shotcanvas' },
  cancelJob: { jobId: randomUUID() },
  getDiskStatus: { path: '/p/Teaser' },
  importFrameImage: { projectId: randomUUID(), clientId: CLIENT, fileName: 'Shot 01.png', dataBase64: 'iVBORw0KGgo=' },
  importMedia: { projectId: randomUUID(), clientId: CLIENT, sourcePath: '/home/me/Renders/shot01_t3.mp4', fileName: 'Shot 01 T3.mp4' },
  probeMedia: { projectId: randomUUID(), ...MEDIA },
  getMediaPoster: { projectId: randomUUID(), ...MEDIA },
  getScrubStrip: { projectId: randomUUID(), ...MEDIA },
  checkMedia: { projectId: randomUUID(), refs: [MEDIA] },
  relinkMedia: { projectId: randomUUID(), clientId: CLIENT, ...MEDIA, newSourcePath: 'D:\\Backup\\shot01_t3.mp4' },
  getSettings: undefined,
  updateSettings: { inspectorWidth: 320 },
  browseFolder: {},
  showOpenDialog: { purpose: 'choose-folder' },
  showSaveDialog: { purpose: 'export-bundle', defaultName: 'Teaser.shotcanvas' },
  openExternal: { url: 'https://example.com/help' },
  acknowledgeFlush: { requestId: 'flush-1', saved: true },
};

function accepts(method: MainApiMethod, arg: unknown): boolean {
  return MAIN_API_ARG_SCHEMAS[method].safeParse(arg).success;
}

const good = <M extends MainApiMethod>(method: M) => GOOD[method] as Record<string, unknown>;

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
    const base = good('createProject');
    expect(accepts('createProject', { ...base, frameRate: '29.97' })).toBe(false);
    expect(accepts('createProject', { ...base, frameRate: { num: 29.97, den: 1 } })).toBe(false);
    expect(accepts('createProject', { ...base, dropFrame: 'yes' })).toBe(false);
    expect(accepts('createProject', { ...base, width: 8 })).toBe(false);
    expect(accepts('createProject', { ...base, height: 100000 })).toBe(false);
    expect(accepts('createProject', { ...base, parentDir: '/home/me/Films' })).toBe(true);
    expect(accepts('createProject', { ...base, parentDir: '' })).toBe(false);
  });

  it.each(['/p/a\u0000b', '/p/line\nbreak', '', 'x'.repeat(4097)])('path schemas reject %j', (path) => {
    expect(accepts('openProject', { path, clientId: CLIENT })).toBe(false);
    expect(accepts('trashProject', { path })).toBe(false);
    expect(accepts('browseFolder', { path })).toBe(false);
    expect(accepts('updateSettings', { workspaceDir: path })).toBe(false);
    expect(accepts('listBackups', { path })).toBe(false);
    expect(accepts('recoverProject', { path, backupId: 'b' })).toBe(false);
    expect(accepts('exportBundle', { path: '/p', targetPath: path })).toBe(false);
    expect(accepts('importBundle', { bundlePath: path })).toBe(false);
    expect(accepts('getDiskStatus', { path })).toBe(false);
  });

  it('accepts non-ASCII paths and an absent optional path', () => {
    expect(accepts('openProject', { path: '/Users/zoë/Фильмы/東京', clientId: CLIENT })).toBe(true);
    expect(accepts('browseFolder', {})).toBe(true);
    expect(accepts('exportBundle', { path: '/p', targetPath: '/Users/zoë/東京.shotcanvas' })).toBe(true);
  });

  it('per-project calls require a UUID project id and a client id of 8 to 100 characters', () => {
    expect(accepts('closeProject', { projectId: 'project-1', clientId: CLIENT })).toBe(false);
    expect(accepts('closeProject', {})).toBe(false);
    for (const method of ['openProject', 'closeProject', 'saveSnapshot', 'saveChanges', 'answerOwnerPing', 'createBackup', 'restoreBackup'] as const) {
      const base = good(method);
      const { clientId: _dropped, ...without } = base;
      expect(accepts(method, without), method).toBe(false);
      expect(accepts(method, { ...base, clientId: 'short' }), method).toBe(false);
      expect(accepts(method, { ...base, clientId: 'x'.repeat(101) }), method).toBe(false);
      expect(accepts(method, { ...base, clientId: 42 }), method).toBe(false);
    }
  });

  it('saveSnapshot validates the whole document, which carries no tombstones', () => {
    const base = good('saveSnapshot');
    const badShot = { ...shot(), status: 'published' };
    expect(accepts('saveSnapshot', { ...base, data: documentData([badShot as never]) })).toBe(false);
    expect(accepts('saveSnapshot', { ...base, data: documentData([{ ...shot(), x: Number.NaN }]) })).toBe(false);
    expect(accepts('saveSnapshot', { ...base, data: { ...documentData(), extra: 1 } })).toBe(false);
    expect(accepts('saveSnapshot', { ...base, data: { ...documentData(), tombstones: [] } })).toBe(false);
    expect(
      accepts('saveSnapshot', { ...base, data: documentData([shot({ customFields: JSON.parse('{"constructor":"x"}') as Record<string, string> })]) }),
    ).toBe(false);
    expect(accepts('saveSnapshot', { ...base, revision: -1 })).toBe(false);
    expect(accepts('saveSnapshot', { ...base, revision: 1.5 })).toBe(false);
  });

  it('saveChanges needs revision > baseRevision, valid records, UUID deletes and settings or null', () => {
    const base = good('saveChanges');
    expect(accepts('saveChanges', { ...base, revision: 12 })).toBe(false);
    expect(accepts('saveChanges', { ...base, baseRevision: 14 })).toBe(false);
    expect(accepts('saveChanges', { ...base, baseRevision: -1 })).toBe(false);
    expect(accepts('saveChanges', { ...base, revision: 0, baseRevision: 0 })).toBe(false);
    expect(accepts('saveChanges', { ...base, puts: [{ ...shot(), status: 'published' }] })).toBe(false);
    expect(accepts('saveChanges', { ...base, deletes: ['not-a-uuid'] })).toBe(false);
    expect(accepts('saveChanges', { ...base, settings: settings({ name: 'Renamed' }) })).toBe(true);
    expect(accepts('saveChanges', { ...base, settings: { name: 'half' } })).toBe(false);
    const { settings: _dropped, ...noSettings } = base;
    expect(accepts('saveChanges', noSettings)).toBe(false);
  });

  it('backups: only user-started kinds can be created; ids and notes are bounded', () => {
    const base = good('createBackup');
    expect(accepts('createBackup', { ...base, kind: 'pre-import', note: null })).toBe(true);
    for (const kind of ['auto', 'launch', 'pre-migration', 'pre-restore', 'anything']) expect(accepts('createBackup', { ...base, kind }), kind).toBe(false);
    expect(accepts('createBackup', { ...base, note: 'x'.repeat(501) })).toBe(false);
    expect(accepts('restoreBackup', { ...good('restoreBackup'), backupId: '' })).toBe(false);
    expect(accepts('restoreBackup', { ...good('restoreBackup'), backupId: 'x'.repeat(201) })).toBe(false);
    expect(accepts('recoverProject', { ...good('recoverProject'), backupId: '' })).toBe(false);
  });

  it('jobs, owner pings and file pickers reject wrong values', () => {
    expect(accepts('cancelJob', { jobId: 'job-1' })).toBe(false);
    expect(accepts('answerOwnerPing', { ...good('answerOwnerPing'), nonce: 'n' })).toBe(false);
    expect(accepts('answerOwnerPing', { ...good('answerOwnerPing'), projectId: 'p' })).toBe(false);
    expect(accepts('browseFolder', { fileExtensions: ['shotcanvas'] })).toBe(true);
    expect(accepts('browseFolder', { fileExtensions: ['.shotcanvas'] })).toBe(false);
    expect(accepts('browseFolder', { fileExtensions: ['EXE'] })).toBe(false);
    expect(accepts('browseFolder', { fileExtensions: Array.from({ length: 11 }, () => 'a') })).toBe(false);
    expect(accepts('showSaveDialog', { purpose: 'open-project', defaultName: 'x' })).toBe(false);
    expect(accepts('showSaveDialog', { purpose: 'export-bundle', defaultName: '' })).toBe(false);
    expect(accepts('showSaveDialog', { purpose: 'export-bundle', defaultName: 'x'.repeat(256) })).toBe(false);
    expect(accepts('importBundle', { bundlePath: '/b.shotcanvas', name: 'x'.repeat(501) })).toBe(false);
  });

  it('never lets a __proto__ key through: strict objects refuse it, records strip it', () => {
    expect(accepts('openProject', JSON.parse(`{"path":"/p","clientId":"${CLIENT}","__proto__":{"polluted":true}}`))).toBe(false);
    const customFields = JSON.parse('{"__proto__":{"polluted":"yes"},"Location":"Beach"}') as Record<string, string>;
    const parsed = MAIN_API_ARG_SCHEMAS.saveSnapshot.safeParse({ ...good('saveSnapshot'), data: documentData([shot({ customFields })]) });
    if (!parsed.success) throw new Error(parsed.error.message);
    const fields = parsed.data.data.shots[0]!.customFields;
    expect(Object.keys(fields)).toEqual(['Location']);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect((fields as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('importFrameImage checks types, bounds the name and the data, and takes only the base64 alphabet', () => {
    const base = good('importFrameImage');
    expect(accepts('importFrameImage', { ...base, fileName: 42 })).toBe(false);
    expect(accepts('importFrameImage', { ...base, fileName: '' })).toBe(false);
    expect(accepts('importFrameImage', { ...base, fileName: 'x'.repeat(256) })).toBe(false);
    expect(accepts('importFrameImage', { ...base, fileName: 'x'.repeat(255) })).toBe(true);
    expect(accepts('importFrameImage', { ...base, dataBase64: new Uint8Array([1, 2]) })).toBe(false);
    expect(accepts('importFrameImage', { ...base, dataBase64: null })).toBe(false);
    expect(accepts('importFrameImage', { ...base, projectId: 'p' })).toBe(false);
    for (const bad of ['data:image/png;base64,iVBO', 'iVBO\nRw0K', 'iVBO Rw0K', 'iVBO-Rw0_', 'ab=c', 'abc===']) {
      expect(accepts('importFrameImage', { ...base, dataBase64: bad }), bad).toBe(false);
    }
    expect(accepts('importFrameImage', { ...base, dataBase64: '' })).toBe(true);
    expect(accepts('importFrameImage', { ...base, dataBase64: 'A'.repeat(MAX_FRAME_IMAGE_BASE64_CHARS) })).toBe(true);
    expect(accepts('importFrameImage', { ...base, dataBase64: 'A'.repeat(MAX_FRAME_IMAGE_BASE64_CHARS + 4) })).toBe(false);
    // Room for the biggest image the service takes (64 MiB), and not much more (≈ 90 MB).
    expect(MAX_FRAME_IMAGE_BASE64_CHARS).toBeGreaterThanOrEqual(Math.ceil(MAX_FRAME_IMAGE_BYTES / 3) * 4);
    expect(MAX_FRAME_IMAGE_BASE64_CHARS).toBeLessThanOrEqual(90 * 1024 * 1024);
  });

  it('updateSettings bounds the inspector width and checks types', () => {
    expect(accepts('updateSettings', {})).toBe(true);
    expect(accepts('updateSettings', { inspectorWidth: 100 })).toBe(false);
    expect(accepts('updateSettings', { inspectorWidth: 900 })).toBe(false);
    expect(accepts('updateSettings', { showInspector: 'false' })).toBe(false);
  });

  it('showOpenDialog, openExternal and acknowledgeFlush reject wrong values', () => {
    expect(accepts('showOpenDialog', { purpose: 'delete-everything' })).toBe(false);
    expect(accepts('showOpenDialog', { purpose: 'import-bundle' })).toBe(true);
    expect(accepts('openExternal', { url: 'x'.repeat(2049) })).toBe(false);
    expect(accepts('acknowledgeFlush', { requestId: '', saved: true })).toBe(false);
    expect(accepts('acknowledgeFlush', { requestId: 'r', saved: 1 })).toBe(false);
  });
});

describe('media argument schemas', () => {
  it.each(['getMediaPoster', 'getScrubStrip', 'probeMedia'] as const)('%s refuses paths outside media/<16 hex>/ and escapes', (method) => {
    const base = good(method);
    for (const path of [
      'project.json',
      '.cache/thumbs/x.jpg',
      `media/${HASH.slice(0, 16)}/../../../etc/passwd`,
      `media/${HASH.slice(0, 16)}/sub/clip.mp4`,
      `media/${HASH.slice(0, 16)}/..`,
      `media/${HASH.slice(0, 16)}/a\\..\\b.mp4`,
      '/etc/passwd',
    ]) {
      expect(accepts(method, { ...base, path }), path).toBe(false);
    }
  });

  it('refuses a path whose folder is not named by the hash', () => {
    expect(accepts('getMediaPoster', { ...good('getMediaPoster'), path: 'media/fedcba9876543210/clip.mp4' })).toBe(false);
    expect(accepts('checkMedia', { projectId: randomUUID(), refs: [{ ...MEDIA, path: 'media/fedcba9876543210/clip.mp4' }] })).toBe(false);
    expect(accepts('relinkMedia', { ...good('relinkMedia'), hash: 'f'.repeat(64) })).toBe(false);
  });

  it('refuses hashes that are not sha256 hex', () => {
    expect(accepts('probeMedia', { ...good('probeMedia'), hash: HASH.toUpperCase() })).toBe(false);
    expect(accepts('probeMedia', { ...good('probeMedia'), hash: HASH.slice(1) })).toBe(false);
  });

  it('importMedia needs a clean source path and takes an optional file name', () => {
    const base = good('importMedia');
    expect(accepts('importMedia', { ...base, sourcePath: '' })).toBe(false);
    expect(accepts('importMedia', { ...base, sourcePath: '/a\u0000b.mp4' })).toBe(false);
    expect(accepts('importMedia', { ...base, fileName: '' })).toBe(false);
    const { fileName: _dropped, ...withoutName } = base;
    expect(accepts('importMedia', withoutName)).toBe(true);
  });
});
