import fc from 'fast-check';
import type { ProjectId, ShotId } from '../../../../shared/ids.ts';
import { newId } from '../../../../shared/ids.ts';
import { FRAME_RATES } from '../../../../shared/model/frameRate.ts';
import type { DocumentData, Tombstone } from '../../../../shared/model/documentData.ts';
import type { ProjectData } from '../../../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../../../shared/model/shot.ts';
import { SHOT_STATUSES, makeShot } from '../../../../shared/model/shot.ts';

export const FIXED_NOW = new Date('2025-03-04T05:06:07.000Z');

export function settings(overrides: Partial<ProjectSettings> = {}): ProjectSettings {
  return { name: 'Film', frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080, recordStartFrames: 86400, ...overrides };
}

export function shot(overrides: Partial<ShotRecord> = {}): ShotRecord {
  return { ...makeShot(newId<ShotId>(), { x: 0, y: 0, order: 'a0', title: 'Wide' }, 1_700_000_000_000), ...overrides };
}

/** What the renderer sends (saveSnapshot): settings and records, no tombstones. */
export function documentData(shots: readonly ShotRecord[] = [shot()], overrides: Partial<ProjectSettings> = {}): DocumentData {
  return { settings: settings(overrides), shots };
}

/** What project.json holds: the document plus the tombstones main keeps beside it. */
export function projectData(shots: readonly ShotRecord[] = [shot()], overrides: Partial<ProjectSettings> = {}, tombstones: readonly Tombstone[] = []): ProjectData {
  return { settings: settings(overrides), shots, tombstones };
}

export const projectIdArb = fc.uuid({ version: 4 }).map((id) => id as ProjectId);

/** A finite coordinate; -0 becomes 0 because JSON cannot tell them apart. */
const coordinate = fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => (v === 0 ? 0 : v));
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const fieldKey = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((k) => !FORBIDDEN.has(k));

const shotArb: fc.Arbitrary<ShotRecord> = fc.record({
  id: fc.uuid({ version: 4 }).map((id) => id as ShotId),
  kind: fc.constant('shot' as const),
  x: coordinate,
  y: coordinate,
  title: anyText(120),
  description: anyText(300),
  dialogue: anyText(50),
  action: anyText(50),
  shotSize: anyText(20),
  angle: anyText(20),
  movement: anyText(20),
  lens: anyText(20),
  plannedDurationFrames: fc.option(fc.integer({ min: 1, max: 100_000_000 }), { nil: null }),
  status: fc.constantFrom(...SHOT_STATUSES),
  tags: fc.array(anyText(30), { maxLength: 5 }),
  customFields: fc.dictionary(fieldKey, anyText(40), { maxKeys: 4 }),
  numberOverride: fc.option(anyText(20), { nil: null }),
  sceneId: fc.option(fc.uuid({ version: 4 }), { nil: null }) as fc.Arbitrary<ShotRecord['sceneId']>,
  order: fc.string({ minLength: 1, maxLength: 30 }),
  selectedTakeId: fc.option(fc.uuid({ version: 4 }), { nil: null }) as fc.Arbitrary<ShotRecord['selectedTakeId']>,
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
  rev: fc.nat(),
});

const settingsArb: fc.Arbitrary<ProjectSettings> = fc
  .record({
    name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    rate: fc.constantFrom(...FRAME_RATES),
    wantDropFrame: fc.boolean(),
    width: fc.integer({ min: 16, max: 16384 }),
    height: fc.integer({ min: 16, max: 16384 }),
    recordStartFrames: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ rate, wantDropFrame, name, width, height, recordStartFrames }) => ({
    name,
    frameRate: rate.rate,
    dropFrame: wantDropFrame && rate.dropFrameAllowed,
    width,
    height,
    recordStartFrames,
  }));

export { shotArb, settingsArb };

const tombstoneArb: fc.Arbitrary<Tombstone> = fc.record({
  id: fc.uuid({ version: 4 }),
  kind: fc.constant('shot' as const),
  deletedAt: fc.nat(),
});

/** Random valid document data (what the renderer sends): unicode text everywhere, any positions, every status. */
export const documentDataArb: fc.Arbitrary<DocumentData> = fc.record({
  settings: settingsArb,
  shots: fc.uniqueArray(shotArb, { maxLength: 6, selector: (s) => s.id }),
});

/** Random valid project data (schema 2): the document plus tombstones of other ids. */
export const projectDataArb: fc.Arbitrary<ProjectData> = fc
  .record({ document: documentDataArb, tombstones: fc.uniqueArray(tombstoneArb, { maxLength: 4, selector: (t) => t.id }) })
  .map(({ document, tombstones }) => {
    const live = new Set<string>(document.shots.map((s) => s.id));
    return { ...document, tombstones: tombstones.filter((t) => !live.has(t.id)) };
  });
