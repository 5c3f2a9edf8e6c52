import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_SUBFOLDERS, buildProjectFile, serializeProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId, SceneId, ShotId, TakeId } from '../../../shared/ids.ts';
import type { ProjectData } from '../../../shared/model/projectFile.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord, ShotStatus } from '../../../shared/model/shot.ts';
import { makeShot } from '../../../shared/model/shot.ts';
import type { Defect, Judgement, MediaRef, Recipe, TakeRecord } from '../../../shared/model/take.ts';
import { emptyJudgement, emptyRecipe } from '../../../shared/model/take.ts';

/**
 * Seeds a project folder with shots, a scene and takes that have real media: short VP9 clips made
 * with ffmpeg, stored content-addressed (media/<16 hex of sha256>/<name>) with their true hashes,
 * and a valid schema-4 project.json. The library lists it once the page reloads.
 */

const run = promisify(execFile);
const FFMPEG = process.env['SHOTCANVAS_FFMPEG'] ?? '/usr/bin/ffmpeg';
const NOW = Date.UTC(2026, 10, 20, 10, 0, 0);
const RATE = { num: 24, den: 1 } as const;
export const CLIP_FRAMES = 48;

/** A 2-second 24 fps test pattern (hue-shifted so takes look different) in the project's media folder. */
async function makeClip(projectDir: string, name: string, hue: number): Promise<MediaRef> {
  const tmp = join(projectDir, `.tmp-${randomUUID()}.webm`);
  await run(FFMPEG, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=24,hue=h=${hue}`,
    '-frames:v',
    String(CLIP_FRAMES),
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-g',
    '12',
    '-pix_fmt',
    'yuv420p',
    '-y',
    tmp,
  ]);
  const bytes = await readFile(tmp);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const folder = join(projectDir, 'media', hash.slice(0, 16));
  await mkdir(folder, { recursive: true });
  await rename(tmp, join(folder, name));
  return {
    hash,
    path: `media/${hash.slice(0, 16)}/${name}`,
    name,
    kind: 'video',
    mime: 'video/webm',
    bytes: (await stat(join(folder, name))).size,
    container: 'matroska,webm',
    codec: 'vp9',
    width: 640,
    height: 360,
    frameRate: RATE,
    durationFrames: CLIP_FRAMES,
    startTimecode: null,
    variableFrameRate: false,
  };
}

function defect(type: Defect['type'], severity: Defect['severity'] = 'major'): Defect {
  return { id: randomUUID(), type, severity, startFrame: 6, endFrame: 30, note: '' };
}

interface TakeSpec {
  readonly number: number;
  readonly media: MediaRef;
  readonly recipe: Partial<Recipe>;
  readonly judgement: Partial<Judgement>;
}

function makeTake(shot: ShotRecord, spec: TakeSpec): TakeRecord {
  const recipe: Recipe = {
    ...emptyRecipe(),
    prompt: 'Fog lifting off the harbour at dawn, the ferry enters frame left, slow push-in',
    negativePrompt: 'text, watermark',
    params: { durationSeconds: 2, width: 640, height: 360, fps: 24, steps: 30, guidance: 7, motionStrength: 0.6, camera: { zoom: 2 }, extra: {} },
    cost: { amount: 1.5, unit: 'USD' },
    generationSeconds: 95,
    ...spec.recipe,
  };
  return {
    id: randomUUID() as TakeId,
    kind: 'take',
    shotId: shot.id,
    parentTakeId: null,
    number: spec.number,
    label: '',
    media: spec.media,
    trimIn: null,
    trimOut: null,
    recipe,
    judgement: { ...emptyJudgement(shot.description), ...spec.judgement },
    createdAt: NOW + spec.number,
    updatedAt: NOW + spec.number,
    rev: 0,
  };
}

export interface SeededTakeProject {
  readonly dir: string;
  readonly scene: SceneRecord;
  /** Ferry (2 takes, seeds 1234 / 5678), Léa (rejected: identity drift; rejected: flicker), Lighthouse (one circle take). */
  readonly shots: { readonly ferry: ShotRecord; readonly lea: ShotRecord; readonly lighthouse: ShotRecord };
  readonly takes: {
    readonly ferry1: TakeRecord;
    readonly ferry2: TakeRecord;
    readonly lea1: TakeRecord;
    readonly lea2: TakeRecord;
    readonly lighthouse1: TakeRecord;
  };
}

export async function seedTakeProject(workspace: string, name: string): Promise<SeededTakeProject> {
  const dir = join(workspace, name);
  for (const sub of PROJECT_SUBFOLDERS) await mkdir(join(dir, sub), { recursive: true });
  const [ferryA, ferryB, leaA, leaB, light] = await Promise.all([
    makeClip(dir, 'ferry_T1.webm', 0),
    makeClip(dir, 'ferry_T2.webm', 150),
    makeClip(dir, 'lea_T1.webm', 60),
    makeClip(dir, 'lea_T2.webm', 250),
    makeClip(dir, 'lighthouse_T1.webm', 300),
  ]);
  const scene: SceneRecord = {
    id: randomUUID() as SceneId,
    kind: 'scene',
    x: -40,
    y: -80,
    width: 640,
    height: 320,
    number: '1',
    title: 'Harbour at dawn',
    color: '#4c8dff',
    collapsed: false,
    createdAt: NOW,
    updatedAt: NOW,
    rev: 0,
  };
  const shot = (id: string, title: string, x: number, order: string, status: ShotStatus, sceneId: SceneId | null) =>
    makeShot(id as ShotId, { x, y: 0, title, description: `${title}.`, shotSize: 'WS', lens: '35mm', status, order, sceneId, plannedDurationFrames: 48 }, NOW);
  const ferry = shot(randomUUID(), 'Ferry enters the harbour', 0, 'a0', 'in-review', scene.id);
  const lea = shot(randomUUID(), 'Léa on the pier', 320, 'a1', 'planned', scene.id);
  const lighthouseBase = shot(randomUUID(), 'Lighthouse beam', 760, 'a2', 'approved', null);
  const kling = { provider: 'Kling', model: 'kling-v2.1', modelVersion: 'master' };
  const runway = { provider: 'Runway', model: 'gen-4', modelVersion: 'turbo' };
  const ferry1 = makeTake(ferry, { number: 1, media: ferryA, recipe: { ...kling, seed: '1234' }, judgement: { verdict: 'hold', score: 3 } });
  const ferry2 = makeTake(ferry, { number: 2, media: ferryB, recipe: { ...kling, seed: '5678' }, judgement: { score: 4 } });
  const lea1 = makeTake(lea, {
    number: 1,
    media: leaA,
    recipe: { ...kling, seed: '77' },
    judgement: { verdict: 'reject', score: 2, defects: [defect('identity-drift'), defect('flicker', 'minor')] },
  });
  const lea2 = makeTake(lea, {
    number: 2,
    media: leaB,
    recipe: { ...runway, seed: '78' },
    judgement: { verdict: 'reject', score: 2, defects: [defect('flicker')] },
  });
  const lighthouse1 = makeTake(lighthouseBase, {
    number: 1,
    media: light,
    recipe: { ...runway, seed: '9', cost: { amount: 40, unit: 'credits' } },
    judgement: { verdict: 'select', score: 5 },
  });
  const lighthouse = { ...lighthouseBase, selectedTakeId: lighthouse1.id };
  const data: ProjectData = {
    settings: { name, frameRate: RATE, dropFrame: false, width: 1920, height: 1080, recordStartFrames: 86400, retiredModels: [] },
    shots: [ferry, lea, lighthouse],
    scenes: [scene],
    notes: [],
    arrows: [],
    takes: [ferry1, ferry2, lea1, lea2, lighthouse1],
    tombstones: [],
  };
  const file = buildProjectFile(randomUUID() as ProjectId, 1, data, new Date(NOW));
  await writeFile(join(dir, 'project.json'), serializeProjectFile(file));
  return { dir, scene, shots: { ferry, lea, lighthouse }, takes: { ferry1, ferry2, lea1, lea2, lighthouse1 } };
}
