import type { SceneRecord } from './scene.ts';
import type { ShotRecord } from './shot.ts';

/** A, B … Z, AA, AB … — the letter suffix of the n-th shot (0-based) of a scene. */
export function shotLetters(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/**
 * Derived shot numbers, never stored: a shot in scene 12 is "12A", "12B"… in cut order; a shot
 * without a scene is numbered by its position in the cut. A manual number (numberOverride) wins
 * and is locked: later reordering never changes it.
 */
export function deriveShotNumbers(shots: readonly ShotRecord[], scenes: readonly SceneRecord[]): Map<string, string> {
  const sceneNumber = new Map(scenes.map((s) => [s.id, s.number.trim()]));
  const perScene = new Map<string, number>();
  const numbers = new Map<string, string>();
  // `shots` is in cut order (fractional index), so letters follow the cut.
  shots.forEach((shot, cutIndex) => {
    if (shot.numberOverride !== null && shot.numberOverride.trim() !== '') {
      numbers.set(shot.id, shot.numberOverride.trim());
      return;
    }
    const scene = shot.sceneId ? sceneNumber.get(shot.sceneId) : undefined;
    if (scene !== undefined && scene !== '') {
      const index = perScene.get(shot.sceneId!) ?? 0;
      perScene.set(shot.sceneId!, index + 1);
      numbers.set(shot.id, `${scene}${shotLetters(index)}`);
    } else {
      numbers.set(shot.id, String(cutIndex + 1));
    }
  });
  return numbers;
}
