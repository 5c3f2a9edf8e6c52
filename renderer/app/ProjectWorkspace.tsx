import { ArrowUpRight, Hand, Lock, MousePointer2, Plus, StickyNote } from 'lucide-react';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
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
import { onCompareRequest } from '../panels/compare/compareRequests.ts';
import { resolveCompareTakes } from '../panels/compare/compareModel.ts';
import { CompareView } from '../panels/compare/CompareView.tsx';
import { ProjectHistoryPanel } from '../panels/history/ProjectHistoryPanel.tsx';
import { TakeQueryPanel } from '../panels/takeQuery/TakeQueryPanel.tsx';
import { Inspector } from '../panels/inspector/Inspector.tsx';
import { Minimap } from '../panels/minimap/Minimap.tsx';
import { SearchBar } from '../panels/search/SearchBar.tsx';
import { SequenceStrip } from '../panels/sequence/SequenceStrip.tsx';
import { onMainEvent } from '../platform/mainBridge.ts';
import { mediaUrl } from '../platform/mediaUrl.ts';
import { TakePanelState } from '../editor/takePanelState.ts';
import { onPosterChange, posterFor, posterFrameFor } from '../platform/mediaPosters.ts';
import { dropMedia } from './dropMedia.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { ProjectSession } from './projectSession.ts';
import { useCanvasClipboard } from './useCanvasClipboard.ts';
import { useDocumentRevision, useSaveState, useSelection } from './useEditorState.ts';
import { createCommandRunner } from './workspaceCommands.ts';
import { SHORTCUT_SECTIONS, isTextEditingTarget, matchShortcut } from './workspaceShortcuts.ts';

// The metrics view and its chart library load on first use, not with the workspace.
const MetricsView = lazy(() => import('../panels/metrics/MetricsView.tsx').then((m) => ({ default: m.MetricsView })));

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
  const takePanel = useMemo(() => new TakePanelState(), []);
  const selected = useSelection(selection);
  const saveState = useSaveState(session);
  const controls = useRef<CanvasControls | null>(null);
  const [tool, setTool] = useState<CanvasTool>('select');
  const [rightPanel, setRightPanel] = useState<'inspector' | 'history' | 'take-query' | null>('inspector');
  const [compareIds, setCompareIds] = useState<readonly string[] | null>(null);
  const [metricsOpen, setMetricsOpen] = useState(false);
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
    const bump = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setThumbnailVersion((v) => v + 1);
        });
    };
    const offThumbs = onThumbnailLoaded(bump);
    // A take poster main just made: the cards showing it ask for its bitmap again.
    const offPosters = onPosterChange(bump);
    return () => {
      offThumbs();
      offPosters();
    };
  }, []);
  const thumbnail = useCallback(
    (shot: ShotRecord) => {
      if (shot.frame) return getThumbnail(shot.frame, mediaUrl(session.projectId, shot.frame.path));
      // No storyboard frame: the selected take's poster stands in for it.
      const take = shot.selectedTakeId ? store.get(shot.selectedTakeId) : undefined;
      if (take?.kind !== 'take' || !take.media) return null;
      const poster = posterFrameFor(session.projectId, take.media);
      return poster ? getThumbnail(poster, mediaUrl(session.projectId, poster.path)) : null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function when thumbnails arrive re-renders the cards
    [session.projectId, store, thumbnailVersion],
  );
  const thumbnailUrl = useCallback(
    (shot: ShotRecord) => {
      if (shot.frame) return mediaUrl(session.projectId, shot.frame.path);
      const take = shot.selectedTakeId ? store.get(shot.selectedTakeId) : undefined;
      const poster = take?.kind === 'take' && take.media ? posterFor(session.projectId, take.media) : null;
      return poster ? mediaUrl(session.projectId, poster.path) : null;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function when posters arrive re-renders the strip
    [session.projectId, store, thumbnailVersion],
  );

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
        takePanel,
        controls,
        setTool,
        setRightPanel,
        setStripCollapsed,
        setSearchOpen,
        setHelpOpen,
        setSnapping,
        exportBundle: () => void session.flush().then(() => bundles.exportProject({ path: session.path, name: store.settings.name })),
        openCompare: setCompareIds,
        setMetricsOpen,
        onClose,
      }),
    [session, selection, takePanel, bundles, onClose, store],
  );

  useEffect(() => onMainEvent('menuCommand', ({ command }) => runCommand(command)), [runCommand]);

  // The take list (or any panel) asks for the compare view with requestCompare(takeIds).
  useEffect(
    () =>
      onCompareRequest((ids) => {
        const choice = resolveCompareTakes(store, ids);
        if (choice.ok) setCompareIds(choice.takeIds);
        else toast(choice.message);
      }),
    [store],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // An open dialog or menu owns the keys, and a key something already handled is spent: Escape
      // that closed a menu or dialog (Radix marks it defaultPrevented) must not also clear the selection.
      if (event.defaultPrevented || isTextEditingTarget(event.target) || document.querySelector('[role="dialog"], [role="menu"]')) return;
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
              onDropFiles={(files, at, target, alt) => void dropMedia(session, selection, takePanel, files, at, target, alt)}
            />
          )}
        </ErrorBoundary>
        <Minimap store={store} camera={camera} />
      </main>
      {rightPanel === 'inspector' ? (
        <ErrorBoundary area="the inspector">
          <Inspector
            store={store}
            selection={selection}
            selectedIds={selected}
            onGroup={() => runCommand('group-into-scene')}
            session={session}
            takePanel={takePanel}
          />
        </ErrorBoundary>
      ) : null}
      {rightPanel === 'take-query' ? (
        <ErrorBoundary area="the take filter">
          <TakeQueryPanel
            store={store}
            filter={filter}
            onFocusShot={(id) => {
              selection.set([id]);
              focusShot(id);
            }}
            onClose={() => setRightPanel('inspector')}
          />
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
      {compareIds ? (
        <ErrorBoundary area="the take comparison">
          <CompareView store={store} projectId={session.projectId} takeIds={compareIds} onClose={() => setCompareIds(null)} />
        </ErrorBoundary>
      ) : null}
      {metricsOpen ? (
        <ErrorBoundary area="the take metrics">
          <Suspense fallback={null}>
            <MetricsView store={store} onClose={() => setMetricsOpen(false)} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {bundles.dialogs}
    </div>
  );
}
