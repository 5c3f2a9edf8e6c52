import type { SceneRecord } from '../../../shared/model/scene.ts';

/** "12 · Kitchen", "12", "Kitchen" or "Untitled scene": how a scene is named in menus. */
export function sceneLabel(scene: Pick<SceneRecord, 'number' | 'title'>): string {
  const number = scene.number.trim();
  const title = scene.title.trim();
  if (number && title) return `${number} · ${title}`;
  return number || title || 'Untitled scene';
}

/** Scenes in script order (numeric where the numbers are: 2 before 10, 12 before 12A). */
export function scenesInOrder(scenes: readonly SceneRecord[]): SceneRecord[] {
  return [...scenes].sort(
    (a, b) =>
      a.number.trim().localeCompare(b.number.trim(), undefined, { numeric: true, sensitivity: 'base' }) ||
      a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }) ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : 1),
  );
}
