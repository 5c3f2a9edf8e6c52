import { generateKeyBetween } from 'fractional-indexing';
import type { ArrowId, NoteId, SceneId } from '../../shared/ids.ts';
import { newId } from '../../shared/ids.ts';
import type { ArrowRecord } from '../../shared/model/arrow.ts';
import type { NoteColor, NoteRecord } from '../../shared/model/note.ts';
import { NOTE_COLORS, NOTE_SIZE } from '../../shared/model/note.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { isCanvasRecord } from '../../shared/model/records.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import { SCENE_COLORS, SCENE_HEADER_HEIGHT, SCENE_PADDING } from '../../shared/model/scene.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Point, Rect } from './camera.ts';
import { unionRects } from './camera.ts';
import type { DocumentStore } from './documentStore.ts';
import { rectCenter, rectContainsPoint, recordBounds } from './geometry.ts';

/** Document commands for every record kind; each is one transaction, so one undo step. */

/** The shots a scene carries when it moves. */
export function sceneMembers(store: DocumentStore, sceneId: string): ShotRecord[] {
  return store.shots().filter((s) => s.sceneId === sceneId);
}

/** The scene whose body contains `point` (the smallest, when scenes overlap), if any. */
export function sceneAt(store: DocumentStore, point: Point, exclude: ReadonlySet<string> = new Set()): SceneRecord | null {
  let best: SceneRecord | null = null;
  for (const scene of store.ofKind('scene')) {
    if (exclude.has(scene.id) || scene.collapsed) continue;
    if (rectContainsPoint(recordBounds(scene)!, point) && (!best || scene.width * scene.height < best.width * best.height)) best = scene;
  }
  return best;
}

/**
 * Moves records to new positions in one step. Shots dropped into a scene join it; shots dropped
 * outside every scene leave theirs (shots that moved together with their scene keep it).
 */
export function moveRecords(store: DocumentStore, positions: ReadonlyMap<string, Point>): void {
  const movingScenes = new Set([...positions.keys()].filter((id) => store.get(id)?.kind === 'scene'));
  store.transact((tx) => {
    for (const [id, p] of positions) {
      const record = tx.get(id);
      if (!isCanvasRecord(record)) continue;
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (record.kind !== 'shot') {
        tx.update<ShotRecord>(id, { x, y });
        continue;
      }
      if (record.sceneId && movingScenes.has(record.sceneId)) {
        tx.update<ShotRecord>(id, { x, y });
        continue;
      }
      const centre = rectCenter({ ...recordBounds(record)!, x, y });
      const scene = sceneAt(store, centre, movingScenes);
      tx.update<ShotRecord>(id, { x, y, sceneId: (scene?.id ?? null) as ShotRecord['sceneId'] });
    }
  });
}

/** Nudges records (and the shots of nudged scenes) by a world offset. */
export function nudgeRecords(store: DocumentStore, ids: Iterable<string>, dx: number, dy: number): void {
  const positions = new Map<string, Point>();
  for (const id of withSceneMembers(store, ids)) {
    const r = store.get(id);
    if (isCanvasRecord(r)) positions.set(id, { x: r.x + dx, y: r.y + dy });
  }
  moveRecords(store, positions);
}

/** The ids plus the shots of every scene among them (what moves when a scene moves). */
export function withSceneMembers(store: DocumentStore, ids: Iterable<string>): Set<string> {
  const out = new Set(ids);
  for (const id of [...out]) if (store.get(id)?.kind === 'scene') for (const shot of sceneMembers(store, id)) out.add(shot.id);
  return out;
}

/**
 * Deletes records in one step, so one undo brings everything back. Arrows attached to a deleted
 * record go with it; a deleted shot takes its takes with it (a take cannot outlive its shot); a
 * deleted scene releases its shots (they stay on the canvas, without a scene); a deleted take
 * that was its shot's circle take leaves the shot with no selected take. Forks of a deleted take
 * keep their parentTakeId and show as lineage roots.
 */
export function deleteRecords(store: DocumentStore, ids: Iterable<string>): number {
  const doomed = new Set(ids);
  let removed = 0;
  store.transact((tx) => {
    for (const take of store.ofKind('take')) if (doomed.has(take.shotId)) doomed.add(take.id);
    for (const arrow of store.ofKind('arrow')) if (doomed.has(arrow.fromId) || doomed.has(arrow.toId)) doomed.add(arrow.id);
    for (const id of doomed) {
      const record = tx.get(id);
      if (!record) continue;
      if (record.kind === 'scene') for (const shot of sceneMembers(store, id)) if (!doomed.has(shot.id)) tx.update<ShotRecord>(shot.id, { sceneId: null });
      if (record.kind === 'take' && !doomed.has(record.shotId) && tx.get(record.shotId)?.kind === 'shot') {
        const shot = tx.get(record.shotId) as ShotRecord;
        if (shot.selectedTakeId === record.id) tx.update<ShotRecord>(shot.id, { selectedTakeId: null });
      }
      tx.remove(id);
      removed += 1;
    }
  });
  return removed;
}

function nextSceneNumber(store: DocumentStore): string {
  const numbers = store
    .ofKind('scene')
    .map((s) => Number.parseInt(s.number, 10))
    .filter((n) => Number.isFinite(n));
  return String(numbers.length > 0 ? Math.max(...numbers) + 1 : 1);
}

/** A scene framing the given shots (with padding and a header), which join it. */
export function createSceneFromShots(store: DocumentStore, shotIds: Iterable<string>, now = Date.now()): SceneId | null {
  const shots = [...shotIds].map((id) => store.get(id)).filter((r): r is ShotRecord => r?.kind === 'shot');
  const bounds = unionRects(shots.map((s) => recordBounds(s)!));
  if (!bounds) return null;
  const id = newId<SceneId>();
  const count = store.ofKind('scene').length;
  const scene: SceneRecord = {
    id,
    kind: 'scene',
    x: Math.round(bounds.x - SCENE_PADDING),
    y: Math.round(bounds.y - SCENE_PADDING - SCENE_HEADER_HEIGHT),
    width: Math.round(bounds.width + SCENE_PADDING * 2),
    height: Math.round(bounds.height + SCENE_PADDING * 2 + SCENE_HEADER_HEIGHT),
    number: nextSceneNumber(store),
    title: '',
    color: SCENE_COLORS[count % SCENE_COLORS.length]!,
    collapsed: false,
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
  store.transact((tx) => {
    tx.put(scene);
    for (const shot of shots) tx.update<ShotRecord>(shot.id, { sceneId: id });
  });
  return id;
}

export function createNote(store: DocumentStore, at: Point, now = Date.now(), color: NoteColor = NOTE_COLORS[0]): NoteId {
  const id = newId<NoteId>();
  const note: NoteRecord = {
    id,
    kind: 'note',
    x: Math.round(at.x),
    y: Math.round(at.y),
    ...NOTE_SIZE,
    text: '',
    color,
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
  store.transact((tx) => tx.put(note));
  return id;
}

/** An arrow between two different cards on the canvas (not arrows, not takes); refuses duplicates. */
export function createArrow(store: DocumentStore, fromId: string, toId: string, now = Date.now()): ArrowId | null {
  const from = store.get(fromId);
  const to = store.get(toId);
  if (!isCanvasRecord(from) || !isCanvasRecord(to) || fromId === toId) return null;
  if (store.ofKind('arrow').some((a) => a.fromId === fromId && a.toId === toId)) return null;
  const id = newId<ArrowId>();
  const arrow: ArrowRecord = { id, kind: 'arrow', fromId, toId, label: '', createdAt: now, updatedAt: now, rev: 0 };
  store.transact((tx) => tx.put(arrow));
  return id;
}

export function updateRecord<R extends DocRecord = DocRecord>(store: DocumentStore, id: string, patch: Partial<Omit<R, 'id' | 'kind'>>): void {
  store.transact((tx) => {
    if (tx.get(id)) tx.update<R>(id, patch);
  });
}

/** A new order key after the last shot of the cut (new shots go to the end of the sequence). */
export function orderAfterLast(store: DocumentStore): string {
  const shots = store.shots();
  return generateKeyBetween(shots[shots.length - 1]?.order ?? null, null);
}

/** Bounds of records (arrows excluded), e.g. for zoom to selection. */
export function boundsOf(store: DocumentStore, ids: Iterable<string>): Rect | null {
  return unionRects(
    [...ids]
      .map((id) => store.get(id))
      .map((r) => (r ? recordBounds(r) : null))
      .filter((r): r is Rect => r !== null),
  );
}
