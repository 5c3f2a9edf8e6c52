import fc from 'fast-check';
import type { ArrowId, NoteId, ProjectId, SceneId, ShotId, TakeId } from '../../../../shared/ids.ts';
import { newId } from '../../../../shared/ids.ts';
import { FRAME_RATES } from '../../../../shared/model/frameRate.ts';
import type { ArrowRecord } from '../../../../shared/model/arrow.ts';
import type { DocumentData, Tombstone } from '../../../../shared/model/documentData.ts';
import type { FrameRef } from '../../../../shared/model/media.ts';
import { IMAGE_MIME_TYPES } from '../../../../shared/model/media.ts';
import type { NoteRecord } from '../../../../shared/model/note.ts';
import { NOTE_COLORS } from '../../../../shared/model/note.ts';
import { RECORD_KINDS } from '../../../../shared/model/records.ts';
import type { SceneRecord } from '../../../../shared/model/scene.ts';
import { SCENE_COLORS } from '../../../../shared/model/scene.ts';
import type { ProjectData } from '../../../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../../../shared/model/shot.ts';
import { SHOT_STATUSES, makeShot } from '../../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../../shared/model/take.ts';
import { VERDICTS, emptyJudgement, emptyRecipe, emptyRecipeParams } from '../../../../shared/model/take.ts';

export const FIXED_NOW = new Date('2025-03-04T05:06:07.000Z');

export function settings(overrides: Partial<ProjectSettings> = {}): ProjectSettings {
  return {
    name: 'Film',
    frameRate: { num: 24, den: 1 },
    dropFrame: false,
    width: 1920,
    height: 1080,
    recordStartFrames: 86400,
    retiredModels: [],
    ...overrides,
  };
}

export function shot(overrides: Partial<ShotRecord> = {}): ShotRecord {
  return { ...makeShot(newId<ShotId>(), { x: 0, y: 0, order: 'a0', title: 'Wide' }, 1_700_000_000_000), ...overrides };
}

export function scene(overrides: Partial<SceneRecord> = {}): SceneRecord {
  return {
    id: newId<SceneId>(),
    kind: 'scene',
    x: 0,
    y: 0,
    width: 600,
    height: 400,
    number: '1',
    title: 'INT. KITCHEN',
    color: SCENE_COLORS[0],
    collapsed: false,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    rev: 0,
    ...overrides,
  };
}

export function note(overrides: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: newId<NoteId>(),
    kind: 'note',
    x: 0,
    y: 0,
    width: 200,
    height: 140,
    text: 'Remember the rain',
    color: NOTE_COLORS[0],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    rev: 0,
    ...overrides,
  };
}

export function arrow(fromId: string, toId: string, overrides: Partial<ArrowRecord> = {}): ArrowRecord {
  return { id: newId<ArrowId>(), kind: 'arrow', fromId, toId, label: '', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, rev: 0, ...overrides };
}

/** Scenes, notes, arrows and takes of a document (format 4); empty unless a test gives some. */
export type OtherRecords = Partial<Pick<DocumentData, 'scenes' | 'notes' | 'arrows' | 'takes'>>;

/** What the renderer sends (saveSnapshot): settings and records of every kind, no tombstones. */
export function documentData(shots: readonly ShotRecord[] = [shot()], overrides: Partial<ProjectSettings> = {}, others: OtherRecords = {}): DocumentData {
  return { settings: settings(overrides), shots, scenes: [], notes: [], arrows: [], takes: [], ...others };
}

/** What project.json holds: the document plus the tombstones main keeps beside it. */
export function projectData(
  shots: readonly ShotRecord[] = [shot()],
  overrides: Partial<ProjectSettings> = {},
  tombstones: readonly Tombstone[] = [],
  others: OtherRecords = {},
): ProjectData {
  return { ...documentData(shots, overrides, others), tombstones };
}

export const projectIdArb = fc.uuid({ version: 4 }).map((id) => id as ProjectId);

/** A finite coordinate; -0 becomes 0 because JSON cannot tell them apart. */
const coordinate = fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => (v === 0 ? 0 : v));
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const fieldKey = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((k) => !FORBIDDEN.has(k));

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

export const frameRefArb: fc.Arbitrary<FrameRef> = fc
  .record({
    hash: hex(64),
    name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((n) => n.length <= 100 && !/[/\\\0]/.test(n) && n !== '.' && n !== '..'),
    width: fc.integer({ min: 1, max: 65_535 }),
    height: fc.integer({ min: 1, max: 65_535 }),
    mime: fc.constantFrom(...IMAGE_MIME_TYPES),
  })
  .map(({ hash, name, ...rest }) => ({ hash, path: `media/${hash.slice(0, 16)}/${name}`, ...rest }));

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
  frame: fc.option(frameRefArb, { nil: null }),
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
  rev: fc.nat(),
});

const sceneArb: fc.Arbitrary<SceneRecord> = fc.record({
  id: fc.uuid({ version: 4 }).map((id) => id as SceneId),
  kind: fc.constant('scene' as const),
  x: coordinate,
  y: coordinate,
  width: fc.double({ min: 40, max: 1e7, noNaN: true }),
  height: fc.double({ min: 40, max: 1e7, noNaN: true }),
  number: anyText(20),
  title: anyText(120),
  color: fc.constantFrom(...SCENE_COLORS),
  collapsed: fc.boolean(),
  createdAt: fc.nat(),
  updatedAt: fc.nat(),
  rev: fc.nat(),
});

const noteArb: fc.Arbitrary<NoteRecord> = fc.record({
  id: fc.uuid({ version: 4 }).map((id) => id as NoteId),
  kind: fc.constant('note' as const),
  x: coordinate,
  y: coordinate,
  width: fc.double({ min: 40, max: 10_000, noNaN: true }),
  height: fc.double({ min: 40, max: 10_000, noNaN: true }),
  text: anyText(300),
  color: fc.constantFrom(...NOTE_COLORS),
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
    retiredModels: fc.array(
      fc.record(
        {
          provider: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
          model: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
          version: fc.string({ maxLength: 10 }),
          retiredOn: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          note: anyText(40),
        },
        { requiredKeys: ['provider', 'model', 'retiredOn', 'note'] },
      ),
      { maxLength: 3 },
    ),
  })
  .map(({ rate, wantDropFrame, name, width, height, recordStartFrames, retiredModels }) => ({
    name,
    frameRate: rate.rate,
    dropFrame: wantDropFrame && rate.dropFrameAllowed,
    width,
    height,
    recordStartFrames,
    retiredModels,
  }));

/** The variable parts of a take; the rest is a fixed valid recipe and judgement. */
type TakeParts = {
  id: string;
  number: number;
  label: string;
  prompt: string;
  seed: string | null;
  extra: Record<string, string | number | boolean>;
  verdict: TakeRecord['judgement']['verdict'];
  score: number | null;
  media: FrameRef | null;
  rev: number;
};

const takePartsArb = fc.record({
  id: fc.uuid({ version: 4 }),
  shot: fc.nat(),
  number: fc.integer({ min: 1, max: 1_000_000 }),
  label: anyText(30),
  prompt: anyText(200),
  seed: fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String), { nil: null }),
  extra: fc.dictionary(fieldKey, fc.oneof(anyText(20), fc.integer(), fc.boolean()), { maxKeys: 3 }),
  verdict: fc.constantFrom(null, ...VERDICTS),
  score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  media: fc.option(frameRefArb, { nil: null }),
  rev: fc.nat(),
});

function takeOf(parts: TakeParts, shotId: string): TakeRecord {
  return {
    id: parts.id as TakeId,
    kind: 'take',
    shotId: shotId as ShotId,
    parentTakeId: null,
    number: parts.number,
    label: parts.label,
    media: parts.media
      ? {
          ...parts.media,
          name: parts.media.path.split('/')[2]!,
          kind: 'video',
          mime: 'video/mp4',
          bytes: 1000,
          container: 'mov,mp4,m4a,3gp,3g2,mj2',
          codec: 'h264',
          frameRate: { num: 24, den: 1 },
          durationFrames: 120,
          startTimecode: null,
          variableFrameRate: false,
        }
      : null,
    trimIn: null,
    trimOut: null,
    recipe: { ...emptyRecipe(), provider: 'comfyui', prompt: parts.prompt, seed: parts.seed, params: { ...emptyRecipeParams(), extra: parts.extra } },
    judgement: { ...emptyJudgement('what was wanted'), verdict: parts.verdict, score: parts.score },
    createdAt: parts.rev,
    updatedAt: parts.rev,
    rev: parts.rev,
  };
}

export { shotArb, sceneArb, noteArb, settingsArb };

const tombstoneArb: fc.Arbitrary<Tombstone> = fc.record({
  id: fc.uuid({ version: 4 }),
  kind: fc.constantFrom(...RECORD_KINDS),
  deletedAt: fc.nat(),
});

/**
 * Random valid document data (what the renderer sends): unicode text everywhere, any positions,
 * every status, every record kind; ids unique across kinds and arrows between existing records.
 */
export const documentDataArb: fc.Arbitrary<DocumentData> = fc
  .record({
    settings: settingsArb,
    shots: fc.array(shotArb, { maxLength: 6 }),
    scenes: fc.array(sceneArb, { maxLength: 3 }),
    notes: fc.array(noteArb, { maxLength: 3 }),
    arrowEnds: fc.array(fc.record({ id: fc.uuid({ version: 4 }), from: fc.nat(), to: fc.nat(), label: anyText(30), rev: fc.nat() }), { maxLength: 4 }),
    takeParts: fc.array(takePartsArb, { maxLength: 4 }),
  })
  .map(({ settings: s, shots, scenes, notes, arrowEnds, takeParts }) => {
    // Ids are unique across kinds: drop any record whose id an earlier one already took.
    const seen = new Set<string>();
    const fresh = <T extends { id: string }>(records: readonly T[]) => records.filter((r) => !seen.has(r.id) && seen.add(r.id));
    const keptShots = fresh(shots);
    const keptScenes = fresh(scenes);
    const keptNotes = fresh(notes);
    const ends = [...keptShots, ...keptScenes, ...keptNotes].map((r) => r.id);
    const arrows: ArrowRecord[] =
      ends.length === 0
        ? []
        : fresh(arrowEnds).map(({ id, from, to, label, rev }) => ({
            id: id as ArrowId,
            kind: 'arrow',
            fromId: ends[from % ends.length]!,
            toId: ends[to % ends.length]!,
            label,
            createdAt: rev,
            updatedAt: rev,
            rev,
          }));
    // Takes belong to a shot that exists.
    const takes: TakeRecord[] = keptShots.length === 0 ? [] : fresh(takeParts).map((parts) => takeOf(parts, keptShots[parts.shot % keptShots.length]!.id));
    return { settings: s, shots: keptShots, scenes: keptScenes, notes: keptNotes, arrows, takes };
  });

/** Random valid project data (schema 4): the document plus tombstones of other ids, any kind. */
export const projectDataArb: fc.Arbitrary<ProjectData> = fc
  .record({ document: documentDataArb, tombstones: fc.uniqueArray(tombstoneArb, { maxLength: 4, selector: (t) => t.id }) })
  .map(({ document, tombstones }) => {
    const live = new Set<string>([...document.shots, ...document.scenes, ...document.notes, ...document.arrows, ...document.takes].map((r) => r.id));
    return { ...document, tombstones: tombstones.filter((t) => !live.has(t.id)) };
  });
