import * as Dialog from '@radix-ui/react-dialog';
import { CircleCheck, ImageOff, Pause, Play, SkipBack, SkipForward, StepBack, StepForward, Volume2, VolumeX, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import type { Defect, TakeRecord } from '../../../shared/model/take.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { mediaUrl } from '../../platform/mediaUrl.ts';
import { rateLabel, shuttle, timecodeAt } from '../takes/playerMath.ts';
import { Scrubber } from '../takes/Scrubber.tsx';
import { VerdictChip } from '../takes/VerdictChip.tsx';
import { modelLabel, selectTake, takeTitle } from './compareModel.ts';
import { RecipeDiffTable } from './RecipeDiffTable.tsx';
import { SyncedTransport } from './syncedTransport.ts';
import type { PaneClip } from './transport.ts';
import { clipOf } from './transport.ts';
import './compare.css';

const NO_DEFECTS: readonly Defect[] = [];

interface Props {
  readonly store: DocumentStore;
  readonly projectId: string;
  /** 2–4 take ids (already resolved: see resolveCompareTakes). */
  readonly takeIds: readonly string[];
  readonly onClose: () => void;
}

/**
 * Compare 2–4 takes side by side: one transport drives every player (Space, J/K/L, ←/→, a shared
 * frame-accurate scrubber), each pane labelled with take number, verdict and score, a recipe diff
 * below, and "Select this take" as one undoable edit.
 */
export function CompareView({ store, projectId, takeIds, onClose }: Props) {
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay compare-overlay" />
        <Dialog.Content
          className="compare-dialog"
          aria-describedby={undefined}
          data-testid="compare-view"
          // The transport takes the keys (Space, J/K/L, arrows) from the start, not the first button.
          onOpenAutoFocus={(e) => e.preventDefault()}
        >
          <CompareBody store={store} projectId={projectId} takeIds={takeIds} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function useStoreVersion(store: DocumentStore): number {
  return useSyncExternalStore(
    (notify) => store.subscribe(notify),
    () => store.viewVersion,
  );
}

function CompareBody({ store, projectId, takeIds }: Omit<Props, 'onClose'>) {
  const version = useStoreVersion(store);
  const takes = useMemo(
    () => takeIds.map((id) => store.get(id)).filter((r): r is TakeRecord => r?.kind === 'take'),
    // Takes are immutable records: a new version may have replaced some of them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, takeIds, version],
  );
  const numbers = useMemo(
    () => deriveShotNumbers(store.shots(), store.ofKind('scene')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version],
  );
  // The transport depends on media and trims only: a verdict change must not stop playback.
  const clipKey = takes.map((t) => `${t.id}:${t.media?.hash ?? '-'}:${t.trimIn ?? ''}:${t.trimOut ?? ''}`).join('|');
  const clips = useMemo<PaneClip[]>(
    () => takes.map(clipOf),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [clipKey],
  );
  const transport = useMemo(() => new SyncedTransport(clips, store.settings.frameRate), [clips, store]);
  useEffect(() => () => transport.dispose(), [transport]);
  const state = useSyncExternalStore(
    (notify) => transport.subscribe(notify),
    () => transport.state,
  );
  const [listening, setListening] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => body.current?.focus({ preventScroll: true }), []);

  const shotIds = [...new Set(takes.map((t) => t.shotId))];
  const oneShot = shotIds.length === 1 ? store.getShot(shotIds[0]!) : undefined;
  const title = oneShot
    ? `Compare takes · Shot ${numbers.get(oneShot.id) ?? ''}${oneShot.title.trim() ? ` · ${oneShot.title.trim()}` : ''}`
    : `Compare takes · ${shotIds.length} shots`;
  const readOnly = store.readOnly !== null;

  // The transport owns the keyboard while the view is open, wherever focus is inside it (a pressed
  // button that went away leaves focus on the page body): listen on the window.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      if (target?.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range') return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      const lower = key.toLowerCase();
      let handled = true;
      if (key === ' ') transport.toggle();
      else if (lower === 'j' || lower === 'k' || lower === 'l') {
        const next = shuttle(transport.state.speed, lower);
        if (next === 0) transport.pause();
        else transport.play(next);
      } else if (key === 'ArrowLeft') transport.step(event.shiftKey ? -10 : -1);
      else if (key === 'ArrowRight') transport.step(event.shiftKey ? 10 : 1);
      else if (key === 'Home') transport.seek(0);
      else if (key === 'End') transport.seek(transport.length - 1);
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [transport]);

  const masterFormat = { frameRate: transport.master, startTimecode: null };
  return (
    <div ref={body} className="compare-body" tabIndex={-1}>
      <header className="compare-header">
        <Dialog.Title className="compare-title">{title}</Dialog.Title>
        <span className="compare-hint">
          <span className="kbd">Space</span> play · <span className="kbd">J</span>
          <span className="kbd">K</span>
          <span className="kbd">L</span> shuttle · <span className="kbd">←</span>
          <span className="kbd">→</span> frame
        </span>
        <Dialog.Close asChild>
          <button type="button" className="icon-btn" aria-label="Close compare (Escape)" title="Close (Escape)">
            <X size={16} />
          </button>
        </Dialog.Close>
      </header>
      <div className={`compare-grid panes-${takes.length}`}>
        {takes.map((take, index) => (
          <ComparePane
            key={take.id}
            take={take}
            index={index}
            shotNumber={shotIds.length > 1 ? (numbers.get(take.shotId) ?? '') : null}
            projectId={projectId}
            transport={transport}
            frame={transport.paneFrame(index, state.frame)}
            circle={store.getShot(take.shotId)?.selectedTakeId === take.id}
            readOnly={readOnly}
            listening={listening === take.id}
            onListen={() => setListening((current) => (current === take.id ? null : take.id))}
            onSelect={() => {
              selectTake(store, take.id);
              body.current?.focus({ preventScroll: true });
            }}
          />
        ))}
      </div>
      <div className="compare-transport" role="group" aria-label="Transport">
        <button type="button" className="icon-btn" aria-label="Go to start (Home)" title="Go to start (Home)" onClick={() => transport.seek(0)}>
          <SkipBack size={15} />
        </button>
        <button type="button" className="icon-btn" aria-label="Previous frame (←)" title="Previous frame (←)" onClick={() => transport.step(-1)}>
          <StepBack size={15} />
        </button>
        <button
          type="button"
          className="icon-btn compare-play"
          aria-label={state.speed === 0 ? 'Play (Space)' : 'Pause (Space)'}
          title={state.speed === 0 ? 'Play (Space)' : 'Pause (Space)'}
          onClick={() => transport.toggle()}
        >
          {state.speed === 0 ? <Play size={16} /> : <Pause size={16} />}
        </button>
        <button type="button" className="icon-btn" aria-label="Next frame (→)" title="Next frame (→)" onClick={() => transport.step(1)}>
          <StepForward size={15} />
        </button>
        <button type="button" className="icon-btn" aria-label="Go to end (End)" title="Go to end (End)" onClick={() => transport.seek(transport.length - 1)}>
          <SkipForward size={15} />
        </button>
        <div className="compare-scrubber">
          <Scrubber
            frame={state.frame}
            durationFrames={transport.length}
            trim={{ start: 0, end: transport.length }}
            trimmed={false}
            defects={NO_DEFECTS}
            armedDefectId={null}
            timecode={timecodeAt(masterFormat, state.frame)}
            strip={null}
            onSeek={(frame) => transport.seek(frame)}
          />
        </div>
        <span className="compare-readout tabular" data-testid="compare-frame" data-frame={state.frame}>
          {timecodeAt(masterFormat, state.frame)}
          <span className="compare-readout-frames">
            {String(state.frame).padStart(String(transport.length).length, '0')} / {transport.length}
          </span>
        </span>
        <span className="compare-rate tabular" title="The transport counts frames at the highest rate among the takes">
          {rateLabel(transport.master)} fps
        </span>
        <span className="compare-speed tabular" aria-live="polite">
          {state.speed === 0 ? '' : `${state.speed > 0 ? '' : '−'}${Math.abs(state.speed)}×`}
        </span>
      </div>
      <RecipeDiffTable takes={takes} />
    </div>
  );
}

interface PaneProps {
  readonly take: TakeRecord;
  readonly index: number;
  readonly shotNumber: string | null;
  readonly projectId: string;
  readonly transport: SyncedTransport;
  readonly frame: number;
  readonly circle: boolean;
  readonly readOnly: boolean;
  readonly listening: boolean;
  readonly onListen: () => void;
  readonly onSelect: () => void;
}

function ComparePane({ take, index, shotNumber, projectId, transport, frame, circle, readOnly, listening, onListen, onSelect }: PaneProps) {
  const media = take.media;
  const verdict = take.judgement.verdict;
  const score = take.judgement.score;
  const model = modelLabel(take);
  const name = `${shotNumber ? `${shotNumber} · ` : ''}${takeTitle(take)}`;
  const local = media ? frame - (take.trimIn ?? 0) : 0;
  // Stable, so a re-render (every frame while playing) does not detach and re-seek the video.
  const attachVideo = useCallback(
    (el: HTMLVideoElement | null) => {
      transport.attach(index, el);
      return () => transport.attach(index, null);
    },
    [transport, index],
  );
  return (
    <section className={`compare-pane${circle ? ' circle' : ''}`} aria-label={`Take ${take.number}`} data-testid="compare-pane" data-frame={frame}>
      <header className="compare-pane-header">
        <span className="compare-take" title={name}>
          {name}
        </span>
        <span data-testid="pane-verdict" className="compare-verdict">
          <VerdictChip verdict={verdict} />
        </span>
        <span className="compare-score tabular" title="Control precision (1–5)">
          {score === null ? 'Score –' : `Score ${score}/5`}
        </span>
        <span className="compare-model" title={model}>
          {model}
        </span>
        <span className="compare-pane-actions">
          {media?.kind === 'video' ? (
            <button
              type="button"
              className="icon-btn"
              aria-pressed={listening}
              aria-label={listening ? `Mute take ${take.number}` : `Listen to take ${take.number}`}
              title={listening ? 'Mute' : 'Listen to this take (the others stay muted)'}
              onClick={onListen}
            >
              {listening ? <Volume2 size={14} /> : <VolumeX size={14} />}
            </button>
          ) : null}
          {circle ? (
            <span className="circle-badge" data-testid="circle-badge">
              <CircleCheck size={13} /> Circle take
            </span>
          ) : (
            <button type="button" className="btn compare-select" disabled={readOnly} onClick={onSelect}>
              <CircleCheck size={13} /> Select this take
            </button>
          )}
        </span>
      </header>
      <div className="compare-stage">
        {media?.kind === 'video' ? (
          <video
            ref={attachVideo}
            className="compare-media"
            src={mediaUrl(projectId, media.path)}
            preload="auto"
            muted={!listening}
            playsInline
            disablePictureInPicture
            onLoadedMetadata={() => transport.reload(index)}
          />
        ) : media?.kind === 'image' ? (
          <img className="compare-media" src={mediaUrl(projectId, media.path)} alt={`Take ${take.number}: ${media.name}`} draggable={false} />
        ) : (
          <div className="compare-empty">
            <ImageOff size={20} aria-hidden="true" />
            <span>No media yet: this take was planned from a recipe.</span>
          </div>
        )}
        {media ? (
          <span className="compare-pane-time tabular">
            {media.kind === 'video' && media.frameRate ? (
              <>
                {timecodeAt(media, frame)}
                <span className="compare-pane-frame">
                  f {local} · {rateLabel(media.frameRate)} fps
                </span>
              </>
            ) : (
              'Still'
            )}
          </span>
        ) : null}
      </div>
    </section>
  );
}
