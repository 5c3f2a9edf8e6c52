import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeFileSystem } from '../../electron/services/fileSystem.ts';
import { PROJECT_SUBFOLDERS, buildProjectFile, serializeProjectFile, writeProjectFile } from '../../electron/services/projectFolder.ts';
import type { ProjectId, SceneId, ShotId } from '../../shared/ids.ts';
import type { FrameRef } from '../../shared/model/media.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import { SCENE_COLORS } from '../../shared/model/scene.ts';
import { makePng } from './pngFixture.ts';
import type { ShotRecord, ShotStatus } from '../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT, SHOT_STATUSES, makeShot } from '../../shared/model/shot.ts';

/** Deterministic pseudo-random numbers, so every run benchmarks the same project. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const WORDS = 'light door window rain night corridor mirror street neon dawn smoke silhouette reflection engine shadow crowd glass river wind train'.split(' ');

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

export interface BenchProject {
  readonly dir: string;
  readonly shots: readonly ShotRecord[];
  readonly bytes: number;
}

/**
 * A project with `shots` shots laid out in 100 scene columns, with realistic text. `padBytes`
 * adds description text per shot to reach the size the "100,000 takes" would weigh
 * (takes arrive with issue 5).
 */
export async function generateBenchProject(
  parent: string,
  name: string,
  options: { shots: number; seed?: number; padBytes?: number; scenes?: number; images?: number },
): Promise<BenchProject> {
  const random = seededRandom(options.seed ?? 42);
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  for (const sub of PROJECT_SUBFOLDERS) await mkdir(join(dir, sub), { recursive: true });
  const sceneCount = options.scenes ?? 100;
  const perScene = Math.ceil(options.shots / sceneCount);
  // Storyboard frames: a set of real PNGs in media/, shared round-robin by the shots.
  const frames: FrameRef[] = [];
  for (let i = 0; i < (options.images ?? 0); i += 1) {
    const png = makePng(480, 270, [Math.floor(random() * 255), Math.floor(random() * 255), Math.floor(random() * 255)]);
    const hash = createHash('sha256').update(png).digest('hex');
    const path = `media/${hash.slice(0, 16)}/frame-${i}.png`;
    await mkdir(join(dir, 'media', hash.slice(0, 16)), { recursive: true });
    await writeFile(join(dir, path), png);
    frames.push({ hash, path, width: 480, height: 270, mime: 'image/png' });
  }
  const scenes: SceneRecord[] = [];
  for (let s = 0; s < (options.shots > 0 ? sceneCount : 0); s += 1) {
    const id = `${(0x20000000 + s).toString(16)}-0000-4000-8000-${s.toString(16).padStart(12, '0')}` as SceneId;
    scenes.push({
      id,
      kind: 'scene',
      x: s * (SHOT_CARD.width + 80) - 32,
      y: -72,
      width: SHOT_CARD.width + 64,
      height: perScene * (SHOT_CARD_HEIGHT + 40) + 72,
      number: String(s + 1),
      title: sentence(random, 3).toUpperCase(),
      color: SCENE_COLORS[s % SCENE_COLORS.length]!,
      collapsed: false,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      rev: 0,
    });
  }
  const shots: ShotRecord[] = [];
  for (let i = 0; i < options.shots; i += 1) {
    const scene = Math.floor(i / perScene);
    const row = i % perScene;
    const id = `${(0x10000000 + i).toString(16)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}` as ShotId;
    const pad = options.padBytes ? sentence(random, Math.ceil(options.padBytes / 7)) : '';
    shots.push(
      makeShot(
        id,
        {
          x: scene * (SHOT_CARD.width + 80),
          y: row * (SHOT_CARD_HEIGHT + 40),
          order: `a${String(i).padStart(6, '0')}`,
          title: `${sentence(random, 3)} ${i}`,
          description: `${sentence(random, 18)}. ${pad}`,
          dialogue: random() < 0.3 ? sentence(random, 12) : '',
          shotSize: ['WS', 'MS', 'CU', 'ECU', 'OTS'][Math.floor(random() * 5)]!,
          lens: `${[18, 24, 35, 50, 85][Math.floor(random() * 5)]}mm`,
          status: SHOT_STATUSES[Math.floor(random() * SHOT_STATUSES.length)] as ShotStatus,
          plannedDurationFrames: 24 + Math.floor(random() * 200),
          tags: random() < 0.5 ? ['vfx'] : [],
          sceneId: scenes[scene]?.id ?? null,
          frame: frames.length > 0 ? frames[i % frames.length]! : null,
        },
        1_700_000_000_000 + i,
      ),
    );
  }
  const file = buildProjectFile(
    '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' as ProjectId,
    1,
    {
      settings: { name, frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080, recordStartFrames: 86400, retiredModels: [] },
      shots,
      scenes,
      notes: [],
      arrows: [],
      takes: [],
      tombstones: [],
    },
    new Date(),
  );
  // Each bench project needs its own id (one IndexedDB per project id).
  const unique = { ...file, projectId: crypto.randomUUID() as ProjectId };
  const text = serializeProjectFile(unique);
  await writeProjectFile(nodeFileSystem, dir, unique, text);
  return { dir, shots, bytes: text.length };
}
