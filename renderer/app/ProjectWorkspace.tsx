import { ChevronLeft, Hand, MousePointer2, PanelRight, Plus, ZoomIn, ZoomOut } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { HostInfo, MenuCommand } from '../../shared/ipc/contract.ts';
import { findFrameRate } from '../../shared/model/frameRate.ts';
import type { ShotId } from '../../shared/ids.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { CanvasControls, CanvasTool } from '../canvas/CanvasView.tsx';
import { CanvasView } from '../canvas/CanvasView.tsx';
import { Selection } from '../editor/selection.ts';
import { addShot, deleteShots } from '../editor/shotCommands.ts';
import { IconButton } from '../panels/chrome/IconButton.tsx';
import { SaveIndicator } from '../panels/chrome/SaveIndicator.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { onMainEvent } from '../platform/mainBridge.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { useDocumentRevision, useSaveState, useSelection } from './useEditorState.ts';
import { isTextEditingTarget, matchShortcut } from './workspaceShortcuts.ts';

interface Props {
  readonly session: ProjectSession;
  readonly host: HostInfo;
  readonly onClose: () => void;
}

/** One open project: toolbar, tool rail, canvas, inspector. */
export function ProjectWorkspace({ session, host, onClose }: Props) {
  const { store } = session;
  useDocumentRevision(store);
  const selection = useMemo(() => new Selection(), []);
  const selected = useSelection(selection);
  const saveState = useSaveState(session);
  const controls = useRef<CanvasControls | null>(null);
  const [tool, setTool] = useState<CanvasTool>('select');
  const [zoom, setZoom] = useState(1);
  const [showInspector, setShowInspector] = useState(true);

  // Deleted records leave the selection.
  useEffect(() => store.subscribe(() => selection.retain((id) => store.get(id as ShotId) !== undefined)), [store, selection]);

  const addShotAtCenter = useCallback(() => {
    const center = controls.current?.viewCenter() ?? { x: 0, y: 0 };
    // Stagger shots added in a row so they do not stack exactly on top of each other.
    const offset = (store.shots().length % 5) * 24;
    const id = addShot(store, { x: center.x - SHOT_CARD.width / 2 + offset, y: center.y - SHOT_CARD_HEIGHT / 2 + offset });
    selection.set([id]);
    controls.current?.editTitle(id);
  }, [store, selection]);

  const deleteSelection = useCallback(() => {
    const ids = [...selection.current] as ShotId[];
    if (ids.length === 0) return;
    const count = deleteShots(store, ids);
    selection.clear();
    if (count > 0) toast(`Deleted ${count} ${count === 1 ? 'shot' : 'shots'}`);
  }, [store, selection]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'add-shot':
          return addShotAtCenter();
        case 'delete-selection':
          return deleteSelection();
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
          return setShowInspector((v) => !v);
        case 'close-project':
          return onClose();
        case 'new-project':
        case 'open-project':
          // Both start from the library, after this project is saved and closed.
          return onClose();
      }
    },
    [addShotAtCenter, deleteSelection, selection, store, onClose],
  );

  useEffect(() => onMainEvent('menuCommand', ({ command }) => runCommand(command)), [runCommand]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEditingTarget(event.target)) return;
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
    <div className={`workspace${showInspector ? '' : ' no-inspector'}`}>
      <header className="toolbar" role="toolbar" aria-label="Project toolbar">
        <div className="toolbar-left">
          <button type="button" className="btn btn-ghost toolbar-back" onClick={onClose} aria-label="Back to projects">
            <ChevronLeft size={16} />
          </button>
          <span className="brand-mark small" aria-hidden="true" />
          <span className="project-title" data-testid="project-title">
            {store.settings.name}
          </span>
          <span className="toolbar-meta tabular">
            {rate} · {store.settings.width}×{store.settings.height}
          </span>
          <SaveIndicator state={saveState} onRetry={() => void session.flush()} />
        </div>
        <div className="toolbar-right">
          <span className="toolbar-meta tabular">
            {store.shots().length} {store.shots().length === 1 ? 'shot' : 'shots'}
          </span>
          <div className="zoom-group" role="group" aria-label="Zoom">
            <button type="button" className="icon-btn" aria-label="Zoom out" onClick={() => runCommand('zoom-out')}>
              <ZoomOut size={15} />
            </button>
            <button
              type="button"
              className="zoom-readout tabular"
              aria-label="Zoom to fit"
              title="Zoom to fit (F)"
              onClick={() => runCommand('zoom-fit')}
              data-testid="zoom-readout"
            >
              {Math.round(zoom * 100)}%
            </button>
            <button type="button" className="icon-btn" aria-label="Zoom in" onClick={() => runCommand('zoom-in')}>
              <ZoomIn size={15} />
            </button>
          </div>
          <button type="button" className="btn btn-primary" onClick={addShotAtCenter}>
            <Plus size={15} /> Shot
          </button>
          <IconButton
            label={showInspector ? 'Hide inspector' : 'Show inspector'}
            shortcut="I"
            pressed={showInspector}
            onClick={() => setShowInspector((v) => !v)}
          >
            <PanelRight size={16} />
          </IconButton>
        </div>
      </header>
      <nav className="tool-rail" aria-label="Tools">
        <IconButton label="Select" shortcut="V" pressed={tool === 'select'} onClick={() => setTool('select')}>
          <MousePointer2 size={17} />
        </IconButton>
        <IconButton label="Hand (hold Space)" shortcut="H" pressed={tool === 'hand'} onClick={() => setTool('hand')}>
          <Hand size={17} />
        </IconButton>
        <span className="rail-separator" />
        <IconButton label="Add shot" shortcut="S" onClick={addShotAtCenter}>
          <Plus size={17} />
        </IconButton>
      </nav>
      <main className="canvas-area">
        <ErrorBoundary area="the canvas">
          <CanvasView store={store} selection={selection} tool={tool} controlsRef={controls} onZoomChange={setZoom} />
        </ErrorBoundary>
      </main>
      {showInspector ? (
        <ErrorBoundary area="the inspector">
          <Inspector store={store} selectedIds={selected} />
        </ErrorBoundary>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {host.kind === 'web' ? 'Web host' : 'Desktop'}
      </span>
    </div>
  );
}
