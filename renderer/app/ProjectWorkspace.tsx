import { Hand, Lock, MousePointer2, Plus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { HostInfo, MenuCommand } from '../../shared/ipc/contract.ts';
import type { ShotId } from '../../shared/ids.ts';
import { findFrameRate } from '../../shared/model/frameRate.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { CanvasControls, CanvasTool } from '../canvas/CanvasView.tsx';
import { CanvasView } from '../canvas/CanvasView.tsx';
import { Selection } from '../editor/selection.ts';
import { addShot, deleteShots } from '../editor/shotCommands.ts';
import { useBundleActions } from '../panels/bundles/useBundleActions.tsx';
import { IconButton } from '../panels/chrome/IconButton.tsx';
import { WorkspaceToolbar } from '../panels/chrome/WorkspaceToolbar.tsx';
import { ProjectHistoryPanel } from '../panels/history/ProjectHistoryPanel.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { callMain, onMainEvent } from '../platform/mainBridge.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { useDocumentRevision, useSaveState, useSelection } from './useEditorState.ts';
import { isTextEditingTarget, matchShortcut } from './workspaceShortcuts.ts';

interface Props {
  readonly session: ProjectSession;
  readonly host: HostInfo;
  readonly onClose: (then?: 'import-bundle') => void;
  /** After a restore: reload the workspace from the project folder. */
  readonly onReopen: () => void;
}

/** Deleting this many shots at once first saves a backup ("Before bulk delete"). */
export const BULK_DELETE_BACKUP_THRESHOLD = 10;

/** One open project: toolbar, tool rail, canvas, inspector or history. */
export function ProjectWorkspace({ session, host, onClose, onReopen }: Props) {
  const { store } = session;
  useDocumentRevision(store);
  const selection = useMemo(() => new Selection(), []);
  const selected = useSelection(selection);
  const saveState = useSaveState(session);
  const controls = useRef<CanvasControls | null>(null);
  const [tool, setTool] = useState<CanvasTool>('select');
  const [zoom, setZoom] = useState(1);
  const [rightPanel, setRightPanel] = useState<'inspector' | 'history' | null>('inspector');
  const bundles = useBundleActions(host, () => undefined);
  const readOnly = store.readOnly;

  // Deleted records leave the selection.
  useEffect(() => store.subscribe(() => selection.retain((id) => store.get(id as ShotId) !== undefined)), [store, selection]);

  const addShotAtCenter = useCallback(() => {
    if (store.readOnly) return;
    const center = controls.current?.viewCenter() ?? { x: 0, y: 0 };
    // Stagger shots added in a row so they do not stack exactly on top of each other.
    const offset = (store.shots().length % 5) * 24;
    const id = addShot(store, { x: center.x - SHOT_CARD.width / 2 + offset, y: center.y - SHOT_CARD_HEIGHT / 2 + offset });
    selection.set([id]);
    controls.current?.editTitle(id);
  }, [store, selection]);

  const deleteSelection = useCallback(async () => {
    const ids = [...selection.current] as ShotId[];
    if (ids.length === 0 || store.readOnly) return;
    if (ids.length >= BULK_DELETE_BACKUP_THRESHOLD) {
      // A big delete is easy to regret: keep the state before it in Project history.
      const flushed = await session.flush();
      const backup = flushed
        ? await callMain('createBackup', {
            projectId: session.projectId,
            clientId: session.clientId,
            kind: 'pre-bulk-delete',
            note: `before deleting ${ids.length} shots`,
          })
        : null;
      if (!backup?.ok) {
        toast.error(`Nothing was deleted: the backup before deleting ${ids.length} shots failed.`, {
          description: backup ? backup.error.message : 'The project could not be saved first.',
        });
        return;
      }
    }
    const count = deleteShots(store, ids);
    selection.clear();
    if (count > 0)
      toast(`Deleted ${count} ${count === 1 ? 'shot' : 'shots'}`, {
        description: count >= BULK_DELETE_BACKUP_THRESHOLD ? 'The state before is in Project history.' : undefined,
      });
  }, [store, selection, session]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'add-shot':
          return addShotAtCenter();
        case 'delete-selection':
          return void deleteSelection();
        case 'select-all': {
          const active = document.activeElement;
          if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return active.select();
          return selection.set(store.shots().map((s) => s.id));
        }
        case 'zoom-in':
          return controls.current?.zoomStep(1);
        case 'zoom-out':
          return controls.current?.zoomStep(-1);
        case 'zoom-reset':
          return controls.current?.zoomTo(1);
        case 'zoom-fit':
          return controls.current?.zoomToFit();
        case 'toggle-inspector':
          return setRightPanel((p) => (p === 'inspector' ? null : 'inspector'));
        case 'project-history':
          return setRightPanel((p) => (p === 'history' ? 'inspector' : 'history'));
        case 'export-bundle':
          return void session.flush().then(() => bundles.exportProject({ path: session.path, name: store.settings.name }));
        case 'import-bundle':
          return onClose('import-bundle');
        case 'close-project':
        case 'new-project':
        case 'open-project':
          // All of these start from the library, after this project is saved and closed.
          return onClose();
      }
    },
    [addShotAtCenter, deleteSelection, selection, store, onClose, session, bundles],
  );

  useEffect(() => onMainEvent('menuCommand', ({ command }) => runCommand(command)), [runCommand]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEditingTarget(event.target) || document.querySelector('[role="dialog"]')) return;
      const action = matchShortcut(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'tool-select') setTool('select');
      else if (action === 'tool-hand') setTool('hand');
      else if (action === 'clear-selection') selection.clear();
      else runCommand(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [runCommand, selection]);

  const rate = findFrameRate(store.settings.frameRate)?.label ?? '';
  return (
    <div className={`workspace${rightPanel ? '' : ' no-inspector'}${readOnly ? ' read-only' : ''}`}>
      <WorkspaceToolbar
        name={store.settings.name}
        meta={`${rate} · ${store.settings.width}×${store.settings.height}`}
        shotCount={store.shots().length}
        zoom={zoom}
        saveState={saveState}
        readOnly={readOnly !== null}
        rightPanel={rightPanel}
        onCommand={runCommand}
        onRetrySave={() => void session.flush()}
        onBack={() => onClose()}
      />
      <nav className="tool-rail" aria-label="Tools">
        <IconButton label="Select" shortcut="V" pressed={tool === 'select'} onClick={() => setTool('select')}>
          <MousePointer2 size={17} />
        </IconButton>
        <IconButton label="Hand (hold Space)" shortcut="H" pressed={tool === 'hand'} onClick={() => setTool('hand')}>
          <Hand size={17} />
        </IconButton>
        <span className="rail-separator" />
        <IconButton label="Add shot" shortcut="S" onClick={addShotAtCenter} disabled={readOnly !== null}>
          <Plus size={17} />
        </IconButton>
      </nav>
      <main className="canvas-area">
        {readOnly ? (
          <div className="read-only-banner" role="status" data-testid="read-only-banner">
            <Lock size={14} /> {readOnly}
          </div>
        ) : null}
        <ErrorBoundary area="the canvas">
          <CanvasView store={store} selection={selection} tool={tool} controlsRef={controls} onZoomChange={setZoom} />
        </ErrorBoundary>
      </main>
      {rightPanel === 'inspector' ? (
        <ErrorBoundary area="the inspector">
          <Inspector store={store} selectedIds={selected} />
        </ErrorBoundary>
      ) : null}
      {rightPanel === 'history' ? (
        <ErrorBoundary area="project history">
          <ProjectHistoryPanel session={session} onClose={() => setRightPanel('inspector')} onRestored={onReopen} />
        </ErrorBoundary>
      ) : null}
      {bundles.dialogs}
    </div>
  );
}
