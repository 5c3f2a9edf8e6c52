import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { Point } from '../editor/camera.ts';
import { sceneAt } from '../editor/recordCommands.ts';
import type { Selection } from '../editor/selection.ts';
import type { TakePanelState } from '../editor/takePanelState.ts';
import { isVideoFile } from '../panels/takes/pickFiles.ts';
import { importShotsFromClips, importTakes } from '../panels/takes/takeImport.ts';
import { isImageFile } from '../platform/importImages.ts';
import { dropImages } from './dropImages.ts';
import type { ProjectSession } from './projectSession.ts';

export interface DropRoute {
  /** Files that become takes of the target shot. */
  readonly takes: File[];
  /** Clips dropped on the empty canvas: a new shot each, the clip its T1. */
  readonly clipShots: File[];
  /** Everything else goes the storyboard-image way (frames, new shots, or "not an image"). */
  readonly images: File[];
}

/**
 * Where dropped files go. On a shot card: videos become takes; stills set the storyboard frame,
 * or become takes too when Alt/Option is held. On the empty canvas: stills become shots with a
 * frame, clips become shots with the clip as their first take.
 */
export function routeDrop(files: readonly File[], targetShotId: string | null, alt: boolean): DropRoute {
  const videos = files.filter(isVideoFile);
  const rest = files.filter((f) => !isVideoFile(f));
  if (targetShotId === null) return { takes: [], clipShots: videos, images: rest };
  if (alt) return { takes: [...videos, ...rest.filter(isImageFile)], clipShots: [], images: rest.filter((f) => !isImageFile(f)) };
  return { takes: videos, clipShots: [], images: rest };
}

export async function dropMedia(
  session: ProjectSession,
  selection: Selection,
  takePanel: TakePanelState,
  files: readonly File[],
  at: Point,
  targetShotId: string | null,
  alt: boolean,
): Promise<void> {
  if (session.store.readOnly) return;
  const route = routeDrop(files, targetShotId, alt);
  if (route.images.length > 0) await dropImages(session, selection, route.images, at, targetShotId);
  if (targetShotId && route.takes.length > 0) {
    selection.set([targetShotId]);
    await importTakes(session, takePanel, targetShotId, route.takes);
  }
  if (route.clipShots.length > 0) {
    // After any new image shots, so the two rows do not overlap.
    const offset = route.images.length;
    const ids = await importShotsFromClips(session, takePanel, route.clipShots, (i) => {
      const x = at.x - SHOT_CARD.width / 2 + (i + offset) * (SHOT_CARD.width + 40);
      const y = at.y - SHOT_CARD_HEIGHT / 2;
      const scene = sceneAt(session.store, { x: x + SHOT_CARD.width / 2, y: y + SHOT_CARD_HEIGHT / 2 });
      return { x, y, sceneId: scene?.id ?? null };
    });
    if (ids.length > 0) selection.set(ids);
  }
}
