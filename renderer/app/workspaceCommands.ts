import type { Dispatch, RefObject, SetStateAction } from 'react';
import { toast } from 'sonner';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { isCanvasRecord } from '../../shared/model/records.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { CanvasControls } from '../canvas/CanvasView.tsx';
import { copyRecords, pasteRecords } from '../editor/clipboard.ts';
import type { CanvasTool } from '../editor/interaction.ts';
import { createNote, createSceneFromShots, deleteRecords, nudgeRecords } from '../editor/recordCommands.ts';
import type { Selection } from '../editor/selection.ts';
import { GRID_SPACING } from '../editor/snapping.ts';
import { addShot } from '../editor/shotCommands.ts';
import { callMain } from '../platform/mainBridge.ts';
import { recentTakesOfSelection } from '../panels/compare/compareModel.ts';
import { deriveShotNumbers } from '../../shared/model/numbering.ts';
import type { TakePanelState } from '../editor/takePanelState.ts';
import { circleOpenTake, forkWithRandomSeed, importTakesWithPicker, showTakes } from '../panels/takes/takeActions.ts';
import type { ProjectSession } from './projectSession.ts';
import type { ShortcutAction } from './workspaceShortcuts.ts';

/** Deleting this many records at once first saves a backup ("Before bulk delete"). */
export const BULK_DELETE_BACKUP_THRESHOLD = 10;

export interface CommandContext {
  readonly session: ProjectSession;
  readonly selection: Selection;
  /** Which take is open for each shot, and whether the inspector shows a shot's fields or its takes. */
  readonly takePanel: TakePanelState;
  readonly controls: RefObject<CanvasControls | null>;
  readonly setTool: (tool: CanvasTool) => void;
  readonly setRightPanel: Dispatch<SetStateAction<'inspector' | 'history' | 'take-query' | null>>;
  /** Opens the compare view on these takes (see renderer/panels/compare/compareModel.ts). */
  readonly openCompare: (takeIds: readonly string[]) => void;
  readonly setMetricsOpen: (open: boolean) => void;
  readonly setStripCollapsed: Dispatch<SetStateAction<boolean>>;
  readonly setSearchOpen: Dispatch<SetStateAction<boolean>>;
  readonly setHelpOpen: Dispatch<SetStateAction<boolean>>;
  readonly setSnapping: Dispatch<SetStateAction<{ enabled: boolean; grid: number | null }>>;
  readonly exportBundle: () => void;
  readonly onClose: (then?: 'import-bundle') => void;
}

/** Runs undo/redo in a focused text field natively, on the document otherwise. */
function textFieldFocused(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement;
}

async function deleteWithBackup(ctx: CommandContext): Promise<void> {
  const { session, selection } = ctx;
  const ids = [...selection.current];
  if (ids.length === 0 || session.store.readOnly) return;
  if (ids.length >= BULK_DELETE_BACKUP_THRESHOLD) {
    // A big delete is easy to regret: keep the state before it in Project history.
    const flushed = await session.flush();
    const backup = flushed
      ? await callMain('createBackup', {
          projectId: session.projectId,
          clientId: session.clientId,
          kind: 'pre-bulk-delete',
          note: `before deleting ${ids.length} items`,
        })
      : null;
    if (!backup?.ok) {
      toast.error(`Nothing was deleted: the backup before deleting ${ids.length} items failed.`, {
        description: backup ? backup.error.message : 'The project could not be saved first.',
      });
      return;
    }
  }
  const count = deleteRecords(session.store, ids);
  selection.clear();
  if (count > 0)
    toast(`Deleted ${count} ${count === 1 ? 'item' : 'items'}`, {
      description: count >= BULK_DELETE_BACKUP_THRESHOLD ? 'Undo with Ctrl/Cmd+Z; the state before is also in Project history.' : 'Undo with Ctrl/Cmd+Z.',
    });
}

/** One function for every workspace command, whether it came from a key, a button or the native menu. */
export function createCommandRunner(ctx: CommandContext): (action: ShortcutAction | MenuCommand) => void {
  const { session, selection, controls } = ctx;
  const { store, history } = session;
  const editable = () => store.readOnly === null;
  const nudge = (dx: number, dy: number) => editable() && selection.current.size > 0 && nudgeRecords(store, selection.current, dx, dy);
  return (action) => {
    switch (action) {
      case 'undo':
        if (textFieldFocused()) return void document.execCommand('undo');
        return void history.undo();
      case 'redo':
        if (textFieldFocused()) return void document.execCommand('redo');
        return void history.redo();
      case 'add-shot': {
        if (!editable()) return;
        const center = controls.current?.viewCenter() ?? { x: 0, y: 0 };
        const offset = (store.shots().length % 5) * 24;
        const id = addShot(store, { x: center.x - SHOT_CARD.width / 2 + offset, y: center.y - SHOT_CARD_HEIGHT / 2 + offset });
        selection.set([id]);
        return controls.current?.editRecord(id);
      }
      case 'add-note': {
        if (!editable()) return;
        const center = controls.current?.viewCenter() ?? { x: 0, y: 0 };
        const id = createNote(store, { x: center.x - 100, y: center.y - 70 });
        selection.set([id]);
        return controls.current?.editRecord(id);
      }
      case 'duplicate': {
        if (!editable()) return;
        const payload = copyRecords(store, selection.current);
        if (payload) selection.set(pasteRecords(store, payload, { offset: 32 }));
        return;
      }
      case 'group-into-scene': {
        if (!editable()) return;
        const shots = [...selection.current].filter((id) => store.get(id)?.kind === 'shot');
        if (shots.length === 0) return void toast('Select one or more shots to make a scene from them.');
        const id = createSceneFromShots(store, shots);
        if (id) selection.set([id]);
        return;
      }
      case 'delete-selection':
        return void deleteWithBackup(ctx);
      case 'select-all': {
        const active = document.activeElement;
        if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return active.select();
        return selection.set([...store.all()].filter(isCanvasRecord).map((r) => r.id));
      }
      case 'clear-selection':
        return selection.clear();
      case 'edit-selected':
        if (selection.current.size === 1) controls.current?.editRecord([...selection.current][0]!);
        return;
      case 'nudge-left':
        return void nudge(-1, 0);
      case 'nudge-right':
        return void nudge(1, 0);
      case 'nudge-up':
        return void nudge(0, -1);
      case 'nudge-down':
        return void nudge(0, 1);
      case 'nudge-left-10':
        return void nudge(-10, 0);
      case 'nudge-right-10':
        return void nudge(10, 0);
      case 'nudge-up-10':
        return void nudge(0, -10);
      case 'nudge-down-10':
        return void nudge(0, 10);
      case 'tool-select':
        return ctx.setTool('select');
      case 'tool-hand':
        return ctx.setTool('hand');
      case 'tool-note':
        return editable() ? ctx.setTool('note') : undefined;
      case 'tool-arrow':
        return editable() ? ctx.setTool('arrow') : undefined;
      case 'zoom-in':
        return controls.current?.zoomStep(1);
      case 'zoom-out':
        return controls.current?.zoomStep(-1);
      case 'zoom-reset':
        return controls.current?.zoomTo(1);
      case 'zoom-fit':
        return controls.current?.zoomToFit();
      case 'zoom-selection':
        return selection.current.size > 0 ? controls.current?.zoomToSelection() : controls.current?.zoomToFit();
      case 'toggle-snapping':
        return ctx.setSnapping((s) => {
          toast(s.enabled ? 'Snapping off' : 'Snapping on', { duration: 1500 });
          return { ...s, enabled: !s.enabled };
        });
      case 'toggle-grid-snap':
        return ctx.setSnapping((s) => {
          toast(s.grid ? 'Grid snapping off' : 'Grid snapping on', { duration: 1500 });
          return { enabled: true, grid: s.grid ? null : GRID_SPACING };
        });
      case 'toggle-strip':
        return ctx.setStripCollapsed((c) => !c);
      case 'toggle-inspector':
        return ctx.setRightPanel((p) => (p === 'inspector' ? null : 'inspector'));
      case 'project-history':
        return ctx.setRightPanel((p) => (p === 'history' ? 'inspector' : 'history'));
      case 'search':
        // One filter at a time on the canvas: the search bar replaces the take filter.
        ctx.setRightPanel((p) => (p === 'take-query' ? 'inspector' : p));
        return ctx.setSearchOpen(true);
      case 'compare-takes': {
        const choice = recentTakesOfSelection(store, selection.current, deriveShotNumbers(store.shots(), store.ofKind('scene')));
        return choice.ok ? ctx.openCompare(choice.takeIds) : void toast(choice.message);
      }
      case 'filter-takes':
        ctx.setSearchOpen(false);
        return ctx.setRightPanel((p) => (p === 'take-query' ? 'inspector' : 'take-query'));
      case 'take-metrics':
        return ctx.setMetricsOpen(true);
      case 'import-take-media':
        ctx.setRightPanel('inspector');
        return void importTakesWithPicker(session, selection, ctx.takePanel);
      case 'show-takes':
        ctx.setRightPanel('inspector');
        return showTakes(session, selection, ctx.takePanel);
      case 'fork-take':
        return editable() ? forkWithRandomSeed(session, selection, ctx.takePanel) : undefined;
      case 'circle-take':
        return editable() ? circleOpenTake(session, selection, ctx.takePanel) : undefined;
      case 'show-shortcuts':
        return ctx.setHelpOpen(true);
      case 'export-bundle':
        return ctx.exportBundle();
      case 'import-bundle':
        return ctx.onClose('import-bundle');
      case 'close-project':
      case 'new-project':
      case 'open-project':
        // All of these start from the library, after this project is saved and closed.
        return ctx.onClose();
    }
  };
}
