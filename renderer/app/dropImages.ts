import { toast } from 'sonner';
import type { FrameRef } from '../../shared/model/media.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Point } from '../editor/camera.ts';
import { sceneAt, updateRecord } from '../editor/recordCommands.ts';
import type { Selection } from '../editor/selection.ts';
import { addShots } from '../editor/shotCommands.ts';
import { importImageFile, isImageFile } from '../platform/importImages.ts';
import type { ProjectSession } from './projectSession.ts';

/**
 * Images dropped from the OS: onto a shot they become its storyboard frame; onto the empty canvas
 * each becomes a new shot (in a row from the drop point, named after the file). Files are copied
 * into the project's media folder by main first; a failed file is reported and skipped.
 */
export async function dropImages(session: ProjectSession, selection: Selection, files: readonly File[], at: Point, targetShotId: string | null): Promise<void> {
  const { store } = session;
  if (store.readOnly) return;
  const images = files.filter(isImageFile);
  const skipped = files.length - images.length;
  if (skipped > 0)
    toast.error(
      `${skipped} dropped ${skipped === 1 ? 'file is' : 'files are'} not an image (PNG, JPEG, WebP or GIF); ${skipped === 1 ? 'it was' : 'they were'} ignored.`,
    );
  if (images.length === 0) return;
  const ids = { projectId: session.projectId, clientId: session.clientId };
  const progress = images.length > 1 ? toast.loading(`Importing ${images.length} images…`) : undefined;
  const imported: Array<{ file: File; frame: FrameRef }> = [];
  for (const file of images) {
    const result = await importImageFile(file, ids);
    if (result.ok) imported.push({ file, frame: result.value });
    else toast.error(`Could not import ${file.name}`, { description: result.error.message, duration: 12_000 });
  }
  if (progress !== undefined) toast.dismiss(progress);
  if (imported.length === 0) return;
  if (targetShotId && imported.length === 1) {
    updateRecord<ShotRecord>(store, targetShotId, { frame: imported[0]!.frame });
    return;
  }
  const drafts = imported.map(({ file, frame }, i) => {
    const x = at.x - SHOT_CARD.width / 2 + i * (SHOT_CARD.width + 40);
    const y = at.y - SHOT_CARD_HEIGHT / 2;
    const scene = sceneAt(store, { x: x + SHOT_CARD.width / 2, y: y + SHOT_CARD_HEIGHT / 2 });
    return { x, y, sceneId: scene?.id ?? null, title: file.name.replace(/\.[^.]+$/, ''), frame };
  });
  selection.set(addShots(store, drafts));
}
