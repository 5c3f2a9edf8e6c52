import { describe, expect, it } from 'vitest';
import { COLLECTION_OF, allRecords, documentDataSchema, tombstoneSchema } from '../../../shared/model/documentData.ts';
import { frameRefSchema } from '../../../shared/model/media.ts';
import { RECORD_KINDS, docRecordSchema } from '../../../shared/model/records.ts';
import { arrow, documentData, note, scene, shot } from '../fixtures.ts';

const HASH = 'ab'.repeat(32);
const frame = (overrides: Record<string, unknown> = {}) => ({
  hash: HASH,
  path: `media/${HASH.slice(0, 16)}/Shot 1.png`,
  width: 1920,
  height: 1080,
  mime: 'image/png',
  ...overrides,
});

describe('docRecordSchema', () => {
  it('accepts a record of every kind and picks the schema by kind', () => {
    const s = shot();
    const records = [s, scene(), note({ text: 'rain' }), arrow(s.id, s.id)];
    for (const record of records) expect(docRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses an unknown kind, and a record that has the fields of another kind', () => {
    expect(docRecordSchema.safeParse({ ...note(), kind: 'take' }).success).toBe(false);
    expect(docRecordSchema.safeParse({ ...note(), kind: 'lens' }).success).toBe(false);
    expect(docRecordSchema.safeParse({ ...note(), kind: 'scene' }).success).toBe(false);
    expect(docRecordSchema.safeParse({ ...scene(), kind: 'shot' }).success).toBe(false);
  });

  it('refuses extra keys (strict objects) and bad values per kind', () => {
    expect(docRecordSchema.safeParse({ ...scene(), extra: 1 }).success).toBe(false);
    expect(docRecordSchema.safeParse(scene({ color: '#000000' as never })).success).toBe(false);
    expect(docRecordSchema.safeParse(scene({ height: 10 })).success).toBe(false);
    expect(docRecordSchema.safeParse(note({ width: 39 })).success).toBe(false);
    expect(docRecordSchema.safeParse(note({ text: 'x'.repeat(20_001) })).success).toBe(false);
    expect(docRecordSchema.safeParse(arrow('not-a-uuid', shot().id)).success).toBe(false);
    expect(docRecordSchema.safeParse(arrow(shot().id, shot().id, { label: 'x'.repeat(201) })).success).toBe(false);
  });

  it('a shot must carry a frame: null or a valid FrameRef', () => {
    const { frame: _none, ...withoutFrame } = shot();
    expect(docRecordSchema.safeParse(withoutFrame).success).toBe(false);
    expect(docRecordSchema.safeParse(shot({ frame: frame() as never })).success).toBe(true);
    expect(docRecordSchema.safeParse(shot({ frame: frame({ width: 0 }) as never })).success).toBe(false);
  });

  it('RECORD_KINDS lists every kind the union accepts', () => {
    expect([...RECORD_KINDS].sort()).toEqual(['arrow', 'note', 'scene', 'shot', 'take']);
  });
});

describe('frameRefSchema', () => {
  it('accepts a media path under a 16-hex folder with the original file name', () => {
    expect(frameRefSchema.safeParse(frame()).success).toBe(true);
    expect(frameRefSchema.safeParse(frame({ mime: 'image/webp', path: `media/${HASH.slice(0, 16)}/clip ü.webp` })).success).toBe(true);
  });

  it.each([
    ['a path outside media/', 'exports/x.png'],
    ['a traversal', `media/${HASH.slice(0, 16)}/..`],
    ['a dot segment', `media/${HASH.slice(0, 16)}/.`],
    ['a nested folder', `media/${HASH.slice(0, 16)}/a/b.png`],
    ['a backslash', `media/${HASH.slice(0, 16)}/a\\b.png`],
    ['a short hash folder', 'media/abc/x.png'],
    ['an absolute path', `/media/${HASH.slice(0, 16)}/x.png`],
  ])('refuses %s', (_what, path) => {
    expect(frameRefSchema.safeParse(frame({ path })).success).toBe(false);
  });

  it('refuses a hash that is not 64 lowercase hex digits and a mime type that is not an image', () => {
    expect(frameRefSchema.safeParse(frame({ hash: HASH.toUpperCase() })).success).toBe(false);
    expect(frameRefSchema.safeParse(frame({ hash: HASH.slice(1) })).success).toBe(false);
    expect(frameRefSchema.safeParse(frame({ mime: 'image/svg+xml' })).success).toBe(false);
  });
});

describe('documentData', () => {
  it('allRecords lists every record of every collection', () => {
    const s = shot();
    const sc = scene();
    const n = note();
    const a = arrow(s.id, n.id);
    expect(allRecords(documentData([s], {}, { scenes: [sc], notes: [n], arrows: [a] }))).toEqual([s, sc, n, a]);
    expect(allRecords(documentData([]))).toEqual([]);
  });

  it('COLLECTION_OF names the collection each kind lives in', () => {
    const data = documentData([shot()], {}, { scenes: [scene()], notes: [note()], arrows: [] });
    for (const record of allRecords(data)) expect(data[COLLECTION_OF[record.kind]]).toContain(record);
    expect(Object.keys(COLLECTION_OF).sort()).toEqual([...RECORD_KINDS].sort());
  });

  it('the document schema requires all four collections and refuses a record in the wrong one', () => {
    expect(documentDataSchema.safeParse(documentData()).success).toBe(true);
    const { arrows: _missing, ...withoutArrows } = documentData();
    expect(documentDataSchema.safeParse(withoutArrows).success).toBe(false);
    expect(documentDataSchema.safeParse({ ...documentData(), notes: [scene()] }).success).toBe(false);
  });

  it('tombstones may be of any record kind', () => {
    for (const kind of RECORD_KINDS) expect(tombstoneSchema.safeParse({ id: shot().id, kind, deletedAt: 1 }).success).toBe(true);
    expect(tombstoneSchema.safeParse({ id: shot().id, kind: 'lens', deletedAt: 1 }).success).toBe(false);
  });
});
