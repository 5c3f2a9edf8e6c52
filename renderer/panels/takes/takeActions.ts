import { toast } from 'sonner';
import type { TakeId } from '../../../shared/ids.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { Recipe, TakeRecord } from '../../../shared/model/take.ts';
import { emptyRecipe } from '../../../shared/model/take.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import type { Selection } from '../../editor/selection.ts';
import type { TakePanelState } from '../../editor/takePanelState.ts';
import { addTakes, deleteTake, setSelectedTake } from '../../editor/takeCommands.ts';
import { pickFiles, TAKE_MEDIA_ACCEPT } from './pickFiles.ts';
import { randomSeed } from './recipeFields.ts';
import type { ForkChanges } from '../../../shared/takes/takeFactory.ts';
import { forkOf, plannedTake } from './takeDrafts.ts';
import { importTakes } from './takeImport.ts';
import { takeName } from './takeLabels.ts';

/**
 * Take actions shared by the take panel, the keyboard shortcuts and the native menu. Each
 * document change is one undoable step; each says what it did in a toast.
 */

/** The one selected shot, if exactly one shot is selected. */
export function selectedShot(session: ProjectSession, selection: Selection): ShotRecord | null {
  if (selection.current.size !== 1) return null;
  const record = session.store.get([...selection.current][0]!);
  return record?.kind === 'shot' ? record : null;
}

/** The take open in the panel for the selected shot. */
export function openTakeOf(session: ProjectSession, panel: TakePanelState, shot: ShotRecord): TakeRecord | null {
  return panel.openTake(shot, session.store.takesOf(shot.id));
}

/** Circles a take (the shot's selected take), or un-circles it when it already is. */
export function toggleCircle(session: ProjectSession, shot: ShotRecord, take: TakeRecord): void {
  if (session.store.readOnly) return;
  const circled = shot.selectedTakeId === take.id;
  setSelectedTake(session.store, shot.id, circled ? null : take.id);
  toast(circled ? `${takeName(take)} is no longer the selected take` : `${takeName(take)} is now the selected take`, { duration: 2500 });
}

/** C: circles the take open in the panel of the one selected shot. */
export function circleOpenTake(session: ProjectSession, selection: Selection, panel: TakePanelState): void {
  const shot = selectedShot(session, selection);
  if (!shot) return void toast('Select one shot to choose its selected take.');
  const take = openTakeOf(session, panel, shot);
  if (!take) return void toast('This shot has no takes yet. Import media onto it first.');
  toggleCircle(session, shot, take);
}

/** Asks for files and imports them as takes of the one selected shot. */
export async function importTakesWithPicker(session: ProjectSession, selection: Selection, panel: TakePanelState): Promise<void> {
  const shot = selectedShot(session, selection);
  if (!shot) return void toast('Select one shot to import takes onto it.');
  if (session.store.readOnly) return;
  const files = await pickFiles(TAKE_MEDIA_ACCEPT, true);
  if (files.length > 0) await importTakes(session, panel, shot.id, files);
}

/** A fork of `parent` with the given recipe changes, opened in the panel. */
export function forkTake(session: ProjectSession, panel: TakePanelState, shot: ShotRecord, parent: TakeRecord, changes: ForkChanges): TakeId | null {
  if (session.store.readOnly) return null;
  const fork = forkOf(session.store, parent, changes);
  addTakes(session.store, [fork]);
  panel.open(shot.id, fork.id);
  const what = changes.seed !== undefined ? `seed ${changes.seed}` : changes.prompt !== undefined ? 'an edited prompt' : 'the same recipe';
  toast.success(`Forked ${takeName(parent)} as ${takeName(fork)} with ${what}`, { description: 'Generate it, then import the result as its output.' });
  return fork.id;
}

/** Fork with a new random 32-bit seed (the quickest re-roll). */
export function forkWithRandomSeed(session: ProjectSession, selection: Selection, panel: TakePanelState): void {
  const shot = selectedShot(session, selection);
  const parent = shot ? openTakeOf(session, panel, shot) : null;
  if (!shot || !parent) return void toast('Open a take of a shot to fork it.');
  forkTake(session, panel, shot, parent, { seed: randomSeed() });
}

/** A planned take (no output yet) with this recipe, or an empty one to fill in. */
export function newTakeFromRecipe(session: ProjectSession, panel: TakePanelState, shot: ShotRecord, recipe: Recipe = emptyRecipe()): void {
  if (session.store.readOnly) return;
  const take = plannedTake(session.store, shot, recipe);
  addTakes(session.store, [take]);
  panel.setTab('takes');
  panel.open(shot.id, take.id);
  toast.success(`Added ${takeName(take)}, planned from a recipe`, { description: 'Import the generated file as its output when it is ready.' });
}

export function deleteTakeWithUndo(session: ProjectSession, take: TakeRecord): void {
  if (deleteTake(session.store, take.id)) toast(`Deleted ${takeName(take)}`, { description: 'Undo with Ctrl/Cmd+Z.' });
}

/** For the command runner: open the Takes tab of the selected shot. */
export function showTakes(session: ProjectSession, selection: Selection, panel: TakePanelState): void {
  if (!selectedShot(session, selection)) return void toast('Select a shot to see its takes.');
  panel.setTab('takes');
}
