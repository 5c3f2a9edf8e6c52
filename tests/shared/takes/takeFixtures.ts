import { randomUUID } from 'node:crypto';
import type { ShotId, TakeId } from '../../../shared/ids.ts';
import type { Defect, MediaRef, Recipe, TakeRecord } from '../../../shared/model/take.ts';
import { emptyJudgement, emptyRecipe, emptyRecipeParams } from '../../../shared/model/take.ts';
import { FIXED_NOW } from '../fixtures.ts';

/** Take fixtures built from the real model helpers; every field valid for takeRecordSchema. */

export const hash = (seed: string) => seed.repeat(64).slice(0, 64);

export function media(overrides: Partial<MediaRef> = {}): MediaRef {
  const h = overrides.hash ?? hash('a1');
  return {
    hash: h,
    path: `media/${h.slice(0, 16)}/harbour_T1.mp4`,
    name: 'harbour_T1.mp4',
    kind: 'video',
    mime: 'video/mp4',
    bytes: 4_200_000,
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    codec: 'h264',
    width: 1280,
    height: 720,
    frameRate: { num: 24, den: 1 },
    durationFrames: 120,
    startTimecode: null,
    variableFrameRate: false,
    ...overrides,
  };
}

export function still(overrides: Partial<MediaRef> = {}): MediaRef {
  return media({ kind: 'image', mime: 'image/png', codec: 'png', container: 'png_pipe', frameRate: null, durationFrames: 1, name: 'frame.png', ...overrides });
}

/** A complete local recipe: re-runnable as it stands. */
export function fullRecipe(overrides: Partial<Recipe> = {}): Recipe {
  return {
    ...emptyRecipe(),
    provider: 'wan-2-local',
    model: 'Wan2.2-I2V-A14B',
    modelVersion: 'fp8_scaled',
    prompt: 'Slow push-in on the ferry as the fog lifts',
    negativePrompt: 'blurry, text',
    seed: '1234567890',
    params: { ...emptyRecipeParams(), durationSeconds: 5, width: 1280, height: 720, fps: 16, steps: 40, guidance: 5 },
    ...overrides,
  };
}

export function defect(type: Defect['type'], overrides: Partial<Defect> = {}): Defect {
  return { id: randomUUID(), type, severity: 'major', startFrame: null, endFrame: null, note: '', ...overrides };
}

export function take(shotId: string, overrides: Partial<TakeRecord> = {}): TakeRecord {
  return {
    id: randomUUID() as TakeId,
    kind: 'take',
    shotId: shotId as ShotId,
    parentTakeId: null,
    number: 1,
    label: '',
    media: media(),
    trimIn: null,
    trimOut: null,
    recipe: fullRecipe(),
    judgement: emptyJudgement('Ferry enters frame left'),
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
    rev: 0,
    ...overrides,
  };
}
