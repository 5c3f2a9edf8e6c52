import { ArrowUpRight, Hand, Lock, MousePointer2, Plus, StickyNote } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HostInfo } from '../../shared/ipc/contract.ts';
import { findFrameRate } from '../../shared/model/frameRate.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { CanvasControls } from '../canvas/CanvasView.tsx';
import { BENCH_CANVAS_MODE } from '../canvas/bench/benchHooks.ts';
import { NaiveCanvasView } from '../canvas/bench/NaiveCanvasView.tsx';
import { CanvasView } from '../canvas/CanvasView.tsx';
import { getThumbnail, onThumbnailLoaded } from '../canvas/imageCache.ts';
import { CameraState } from '../editor/cameraState.ts';
import { FilterState } from '../editor/filterState.ts';
import type { CanvasTool } from '../editor/interaction.ts';
import { Selection } from '../editor/selection.ts';
import { useBundleActions } from '../panels/bundles/useBundleActions.tsx';
import { IconButton } from '../panels/chrome/IconButton.tsx';
import { WorkspaceToolbar } from '../panels/chrome/WorkspaceToolbar.tsx';
import { ShortcutsOverlay } from '../panels/help/ShortcutsOverlay.tsx';
import { ProjectHistoryPanel } from '../panels/history/ProjectHistoryPanel.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { Minimap } from '../panels/minimap/Minimap.tsx';
import { SearchBar } from '../panels/search/SearchBar.tsx';
import { SequenceStrip } from '../panels/sequence/SequenceStrip.tsx';
import { onMainEvent } from '../platform/mainBridge.ts';
import { mediaUrl } from '../platform/mediaUrl.ts';
import { dropImages } from './dropImages.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { useCanvasClipboard } from './useCanvasClipboard.ts';
import { useDocumentRevision, useSaveState, useSelection } from './useEditorState.ts';
import { createCommandRunner } from './workspaceCommands.ts';
import { SHORTCUT_SECTIONS, isTextEditingTarget, matchShortcut } from './workspaceShortcuts.ts';

interface Props {
  readonly session: ProjectSession;
  readonly host: HostInfo;
  readonly onClose: (then?: 'import-bundle') => void;
  /** After a restore: reload the workspace from the project folder. */
  readonly onReopen: () => void;
}

/** One open project: toolbar, tool rail, canvas (with minimap and search), inspector or history, sequence strip. */
export function ProjectWorkspace({ session, host, onClose, onReopen }: Props) {
  const { store, history } = session;
  useDocumentRevision(store);
  const selection = useMemo(() => new Selection(), []);
  const camera = useMemo(() => new CameraState(), []);
  const filter = useMemo(() => new FilterState(), []);
  const selected = useSelection(selection);
  const saveState = useSaveState(session);
  const controls = useRef<CanvasControls | null>(null);
  const [tool, setTool] = useState<CanvasTool>('select');
  const [rightPanel, setRightPanel] = useState<'inspector' | 'history' | null>('inspector');
  const [stripCollapsed, setStripCollapsed] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [snapping, setSnapping] = useState({ enabled: true, grid: null as number | null });
  const [thumbnailVersion, setThumbnailVersion] = useState(0);
  const bundles = useBundleActions(host, () => undefined);
  const readOnly = store.readOnly;

  // Deleted records leave the selection.
  useEffect(() => store.subscribe(() => selection.retain((id) => store.get(id) !== undefined)), [store, selection]);

  // A decoded thumbnail re-renders the canvas (coalesced per frame).
  useEffect(() => {
    let frame = 0;
    return onThumbnailLoaded(() => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setThumbnailVersion((v) => v + 1);
        });
    });
  }, []);
  const thumbnail = useCallback(
    (shot: ShotRecord) => (shot.frame ? getThumbnail(shot.frame, mediaUrl(session.projectId, shot.frame.path)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function when thumbnails arrive re-renders the cards
    [session.projectId, thumbnailVersion],
  );
  const thumbnailUrl = useCallback((shot: ShotRecord) => (shot.frame ? mediaUrl(session.projectId, shot.frame.path) : null), [session.projectId]);

  const focusShot = useCallback((id: string) => controls.current?.focusRecord(id), []);
  const pasteAt = useCallback(() => {
    const c = controls.current?.viewCenter() ?? { x: 0, y: 0 };
    return { x: c.x - SHOT_CARD.width / 2, y: c.y - SHOT_CARD_HEIGHT / 2 };
  }, []);
  useCanvasClipboard(store, selection, pasteAt);

  const runCommand = useMemo(
    () =>
      // The runner reads the controls ref when a command runs, never during render.
      // eslint-disable-next-line react-hooks/refs
      createCommandRunner({
        session,
        selection,
        controls,
        setTool,
        setRightPanel,
        setStripCollapsed,
        setSearchOpen,
        setHelpOpen,
        setSnapping,
        exportBundle: () => void session.flush().then(() => bundles.exportProject({ path: session.path, name: store.settings.name })),
        onClose,
      }),
    [session, selection, bundles, onClose, store],
  );

  useEffect(() => onMainEvent('menuCommand', ({ command }) => runCommand(command)), [runCommand]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEditingTarget(event.target) || document.querySelector('[role="dialog"]')) return;
      const action = matchShortcut(event);
      if (!action) return;
      event.preventDefault();
      runCommand(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [runCommand]);

  const rate = findFrameRate(store.settings.frameRate)?.label ?? '';
  const railTool = (value: CanvasTool, label: string, shortcut: string, icon: React.ReactNode) => (
    <IconButton
      label={label}
      shortcut={shortcut}
      pressed={tool === value}
      disabled={readOnly !== null && value !== 'select' && value !== 'hand'}
      onClick={() => setTool(value)}
    >
      {icon}
    </IconButton>
  );
  return (
    <div className={`workspace${rightPanel ? '' : ' no-inspector'}${stripCollapsed ? ' strip-collapsed' : ''}${readOnly ? ' read-only' : ''}`}>
      <WorkspaceToolbar
        name={store.settings.name}
        meta={`${rate} · ${store.settings.width}×${store.settings.height}`}
        shotCount={store.shots().length}
        camera={camera}
        saveState={saveState}
        readOnly={readOnly !== null}
        rightPanel={rightPanel}
        history={history}
        onCommand={runCommand}
        onRetrySave={() => void session.flush()}
        onBack={() => onClose()}
      />
      <nav className="tool-rail" aria-label="Tools">
        {railTool('select', 'Select', 'V', <MousePointer2 size={17} />)}
        {railTool('hand', 'Hand (hold Space)', 'H', <Hand size={17} />)}
        <span className="rail-separator" />
        <IconButton label="Add shot" shortcut="S" onClick={() => runCommand('add-shot')} disabled={readOnly !== null}>
          <Plus size={17} />
        </IconButton>
        {railTool('note', 'Sticky note', 'N', <StickyNote size={17} />)}
        {railTool('arrow', 'Arrow between cards', 'A', <ArrowUpRight size={17} />)}
      </nav>
      <main className="canvas-area">
        {readOnly ? (
          <div className="read-only-banner" role="status" data-testid="read-only-banner">
            <Lock size={14} /> {readOnly}
          </div>
        ) : null}
        {searchOpen ? (
          <SearchBar
            store={store}
            filter={filter}
            onFocusShot={(id) => {
              selection.set([id]);
              focusShot(id);
            }}
            onClose={() => {
              setSearchOpen(false);
              filter.set(null);
            }}
          />
        ) : null}
        <ErrorBoundary area="the canvas">
          {BENCH_CANVAS_MODE === 'naive' ? (
            <NaiveCanvasView store={store} selection={selection} camera={camera} thumbnail={thumbnail} />
          ) : (
            <CanvasView
              store={store}
              selection={selection}
              camera={camera}
              filter={filter}
              tool={tool}
              onToolDone={() => setTool('select')}
              controlsRef={controls}
              snapping={snapping}
              thumbnail={thumbnail}
              onDropFiles={(files, at, target) => void dropImages(session, selection, files, at, target)}
            />
          )}
        </ErrorBoundary>
        <Minimap store={store} camera={camera} />
      </main>
      {rightPanel === 'inspector' ? (
        <ErrorBoundary area="the inspector">
          <Inspector store={store} selection={selection} selectedIds={selected} onGroup={() => runCommand('group-into-scene')} />
        </ErrorBoundary>
      ) : null}
      {rightPanel === 'history' ? (
        <ErrorBoundary area="project history">
          <ProjectHistoryPanel session={session} onClose={() => setRightPanel('inspector')} onRestored={onReopen} />
        </ErrorBoundary>
      ) : null}
      <footer className="strip-area">
        <ErrorBoundary area="the sequence strip">
          <SequenceStrip
            store={store}
            selection={selection}
            onFocusShot={focusShot}
            thumbnailUrl={thumbnailUrl}
            collapsed={stripCollapsed}
            onToggleCollapsed={() => setStripCollapsed((c) => !c)}
          />
        </ErrorBoundary>
      </footer>
      <ShortcutsOverlay open={helpOpen} onOpenChange={setHelpOpen} sections={SHORTCUT_SECTIONS.map((s) => ({ title: s.title, items: [...s.items] }))} />
      {bundles.dialogs}
    </div>
  );
}
