import { randomUUID } from 'node:crypto';
import type { ShotId, TakeId } from '../../../../shared/ids.ts';
import type { FrameRate } from '../../../../shared/model/frameRate.ts';
import type { Judgement, MediaRef, Recipe, TakeRecord } from '../../../../shared/model/take.ts';
import { emptyJudgement, emptyRecipe } from '../../../../shared/model/take.ts';
import { FIXED_NOW } from '../../../shared/fixtures.ts';

/** A video MediaRef of `frames` frames at `rate` (hash and path made up but well formed). */
export function video(frames: number, rate: FrameRate = { num: 24, den: 1 }, name = 'clip.mp4'): MediaRef {
  const hash = randomUUID().replace(/-/g, '').padEnd(64, '0');
  return {
    hash,
    path: `media/${hash.slice(0, 16)}/${name}`,
    name,
    kind: 'video',
    mime: 'video/mp4',
    bytes: 1000,
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    codec: 'h264',
    width: 1280,
    height: 720,
    frameRate: rate,
    durationFrames: frames,
    startTimecode: null,
    variableFrameRate: false,
  };
}

export interface TakeDraft {
  readonly number?: number;
  readonly media?: MediaRef | null;
  readonly trimIn?: number | null;
  readonly trimOut?: number | null;
  readonly recipe?: Partial<Recipe>;
  readonly judgement?: Partial<Judgement>;
  readonly label?: string;
  readonly createdAt?: number;
}

/** A take of `shotId`; media defaults to a 48-frame 24 fps clip. */
export function take(shotId: string, draft: TakeDraft = {}): TakeRecord {
  return {
    id: randomUUID() as TakeId,
    kind: 'take',
    shotId: shotId as ShotId,
    parentTakeId: null,
    number: draft.number ?? 1,
    label: draft.label ?? '',
    media: draft.media === undefined ? video(48) : draft.media,
    trimIn: draft.trimIn ?? null,
    trimOut: draft.trimOut ?? null,
    recipe: { ...emptyRecipe(), ...draft.recipe },
    judgement: { ...emptyJudgement(), ...draft.judgement },
    createdAt: draft.createdAt ?? FIXED_NOW,
    updatedAt: FIXED_NOW,
    rev: 0,
  };
}
