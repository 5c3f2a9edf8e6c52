import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { DocumentStore, RecordChange } from '../../editor/documentStore.ts';
import { changedFields, kindOf } from './useDocumentValue.ts';

/** Shots in cut order and the scenes: what derived shot numbers are computed from. */
export interface CutSnapshot {
  readonly shots: readonly ShotRecord[];
  readonly scenes: readonly SceneRecord[];
}

/** The store caches both lists until their kind changes, so reading them is cheap. */
export function readCut(store: DocumentStore): CutSnapshot {
  return { shots: store.shots(), scenes: store.ofKind('scene') };
}

/** Whether a change can alter a derived shot number (cut order, overrides, scenes and their numbers). */
export function mattersToNumbering(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'shot') return changedFields(change, ['order', 'numberOverride', 'sceneId']);
  if (kind === 'scene') return changedFields(change, ['number']);
  return false;
}
