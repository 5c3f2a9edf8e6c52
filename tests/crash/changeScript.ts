import type { ShotId } from '../../shared/ids.ts';
import type { DocumentData } from '../../shared/model/documentData.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { makeShot } from '../../shared/model/shot.ts';

/**
 * The crash test's deterministic edit script: the change that produces revision r depends only on
 * r, so the test can compute the exact document any revision must contain, whatever the child
 * process managed to write before it was killed.
 */
const POOL = 40;

export const CRASH_SETTINGS: ProjectSettings = {
  name: 'Crash Test',
  frameRate: { num: 24, den: 1 },
  dropFrame: false,
  width: 1920,
  height: 1080,
  recordStartFrames: 86400,
  retiredModels: [],
};

function idFor(n: number): ShotId {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as ShotId;
}

export interface ScriptedChange {
  readonly puts: ShotRecord[];
  readonly deletes: ShotId[];
}

export function changeFor(revision: number): ScriptedChange {
  const slot = (revision * 7) % POOL;
  // Every fifth change deletes a shot; the others create or rewrite one with a long text, so
  // project.json is big enough that a write takes measurable time (more chances to be torn).
  if (revision % 5 === 0) return { puts: [], deletes: [idFor((revision * 3) % POOL)] };
  const shot = makeShot(
    idFor(slot),
    { x: revision * 10, y: slot * 20, order: `a${String(slot).padStart(3, '0')}`, title: `rev ${revision}`, description: `revision ${revision} `.repeat(200) },
    1_700_000_000_000 + revision,
  );
  return { puts: [{ ...shot, rev: revision, updatedAt: 1_700_000_000_000 + revision }], deletes: [] };
}

/** The document after applying revisions 1..revision to an empty project. */
export function documentAt(revision: number): DocumentData {
  const shots = new Map<string, ShotRecord>();
  for (let r = 1; r <= revision; r += 1) {
    const change = changeFor(r);
    for (const id of change.deletes) shots.delete(id);
    for (const shot of change.puts) shots.set(shot.id, shot);
  }
  return {
    settings: CRASH_SETTINGS,
    shots: [...shots.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)),
    scenes: [],
    notes: [],
    arrows: [],
    takes: [],
  };
}
