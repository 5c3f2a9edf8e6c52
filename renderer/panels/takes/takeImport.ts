import { generateKeyBetween } from 'fractional-indexing';
import { toast } from 'sonner';
import type { ShotId } from '../../../shared/ids.ts';
import { newId } from '../../../shared/ids.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { makeShot } from '../../../shared/model/shot.ts';
import type { ImportedMedia } from '../../../shared/ipc/contract.ts';
import type { InputRole, RecipeInput, TakeRecord } from '../../../shared/model/take.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import type { TakePanelState } from '../../editor/takePanelState.ts';
import { addTakes, updateRecipe, updateTake } from '../../editor/takeCommands.ts';
import type { MediaImportSource } from '../../platform/importMedia.ts';
import { importMediaSource } from '../../platform/importMedia.ts';
import { newTakeFromMedia, recipeFromImport } from './takeDrafts.ts';
import { takeName } from './takeLabels.ts';

const nameOf = (source: MediaImportSource) => ('size' in source ? source.name : (source.fileName ?? source.path.split(/[\\/]/).pop() ?? source.path));

/**
 * Copies files into the project one after another, with one progress toast that can cancel the
 * rest. Failed files are reported by name and skipped; what was imported is returned in order.
 */
export async function importSources(session: ProjectSession, sources: readonly MediaImportSource[], noun: string): Promise<ImportedMedia[]> {
  const target = { projectId: session.projectId, clientId: session.clientId };
  const imported: ImportedMedia[] = [];
  let cancel: (() => void) | null = null;
  let cancelled = false;
  const label = (i: number, percent: number | null) =>
    `Importing ${sources.length === 1 ? nameOf(sources[0]!) : `${i + 1} of ${sources.length} ${noun}`}${percent === null ? '…' : ` · ${percent} %`}`;
  const progress = toast.loading(label(0, null), {
    duration: Infinity,
    action: {
      label: 'Cancel',
      onClick: () => {
        cancelled = true;
        cancel?.();
      },
    },
  });
  for (const [i, source] of sources.entries()) {
    if (cancelled) break;
    const job = importMediaSource(source, target, (p) => {
      const percent = p.total > 0 ? Math.round((p.done / p.total) * 100) : null;
      toast.loading(label(i, percent), { id: progress });
    });
    cancel = job.cancel;
    const result = await job.done;
    cancel = null;
    if (result.ok) imported.push(result.value);
    else if (result.error.code !== 'CANCELLED') toast.error(`Could not import ${nameOf(source)}`, { description: result.error.message, duration: 15_000 });
  }
  toast.dismiss(progress);
  if (cancelled) toast.info(`Import cancelled; ${imported.length === 0 ? 'nothing was added' : `${imported.length} ${noun} already imported were kept`}.`);
  return imported;
}

/**
 * Imports files as new takes of a shot: one take per file, its recipe read from generator
 * metadata in the file where there is any, the shot's description as the intent. All new takes
 * arrive in one undoable step; the last one opens in the take panel.
 */
export async function importTakes(session: ProjectSession, panel: TakePanelState, shotId: string, sources: readonly MediaImportSource[]): Promise<void> {
  const { store } = session;
  if (store.readOnly || sources.length === 0) return;
  const imported = await importSources(session, sources, 'files');
  const shot = store.getShot(shotId as TakeRecord['shotId']);
  if (!shot || imported.length === 0) return;
  const takes: TakeRecord[] = [];
  for (const item of imported) {
    // Numbered one by one, so five clips dropped at once become T4…T8.
    const take = newTakeFromMedia(store, shot, item, takes);
    takes.push(take);
  }
  addTakes(store, takes);
  panel.setTab('takes');
  panel.open(shotId, takes.at(-1)!.id);
  const names = takes.map(takeName).join(', ');
  const withRecipe = takes.filter((t) => t.recipe.rawMetadata !== null || t.recipe.prompt !== '').length;
  toast.success(`Added ${names}`, {
    description:
      withRecipe > 0 ? `Read the recipe from ${withRecipe === 1 ? 'the file' : `${withRecipe} files`}. Undo with Ctrl/Cmd+Z.` : 'Undo with Ctrl/Cmd+Z.',
  });
}

/** Imports the output of a planned take (one made from a recipe or a fork): the file becomes its media. */
export async function attachOutput(session: ProjectSession, take: TakeRecord, source: MediaImportSource): Promise<void> {
  const [item] = await importSources(session, [source], 'files');
  if (!item) return;
  const current = session.store.get(take.id);
  if (current?.kind !== 'take') return;
  // A planned take keeps the recipe it was made with; only an empty one is filled from the file.
  const fromFile = recipeFromImport(item);
  updateTake(session.store, take.id, { media: item.media, recipe: current.recipe.prompt === '' && current.recipe.model === '' ? fromFile : current.recipe });
  toast.success(`${takeName(take)} now has its output: ${item.media.name}`, { description: 'Undo with Ctrl/Cmd+Z.' });
}

/** Imports files as input assets of a take's recipe (init frame, references, driving video). */
export async function addRecipeInputs(session: ProjectSession, take: TakeRecord, sources: readonly MediaImportSource[]): Promise<void> {
  const imported = await importSources(session, sources, 'inputs');
  if (imported.length === 0) return;
  const current = session.store.get(take.id);
  if (current?.kind !== 'take') return;
  const inputs: RecipeInput[] = imported.map(({ media }, i) => {
    const role: InputRole = media.kind === 'video' ? 'driving-video' : current.recipe.inputs.length === 0 && i === 0 ? 'init-frame' : 'reference';
    return { role, hash: media.hash, path: media.path, name: media.name };
  });
  updateRecipe(session.store, take.id, { inputs: [...current.recipe.inputs, ...inputs] });
}

/**
 * Clips dropped on the empty canvas: each becomes a new shot (named after the file, in a row from
 * the drop point) whose T1 is the clip, circled so the card shows it. One undoable step.
 */
export async function importShotsFromClips(
  session: ProjectSession,
  panel: TakePanelState,
  files: readonly File[],
  place: (index: number) => { x: number; y: number; sceneId: string | null },
): Promise<string[]> {
  const { store } = session;
  if (store.readOnly || files.length === 0) return [];
  const imported = await importSources(session, files, 'clips');
  if (imported.length === 0) return [];
  const shotIds: string[] = [];
  store.transact((tx) => {
    let previous = store.shots().at(-1)?.order ?? null;
    imported.forEach((item, i) => {
      previous = generateKeyBetween(previous, null);
      const { x, y, sceneId } = place(i);
      const shotId = newId<ShotId>();
      const title = item.media.name.replace(/\.[^.]+$/, '');
      const shot = makeShot(shotId, { x: Math.round(x), y: Math.round(y), order: previous, sceneId: sceneId as ShotRecord['sceneId'], title }, Date.now());
      const take = newTakeFromMedia(store, shot, item);
      tx.put({ ...shot, selectedTakeId: take.id });
      tx.put(take);
      shotIds.push(shotId);
    });
  });
  if (shotIds.length === 1) panel.setTab('takes');
  toast.success(`Added ${shotIds.length === 1 ? 'a shot' : `${shotIds.length} shots`} with ${shotIds.length === 1 ? 'its clip' : 'their clips'} as T1`, {
    description: 'Undo with Ctrl/Cmd+Z.',
  });
  return shotIds;
}
