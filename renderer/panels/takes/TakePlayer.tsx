import { ChevronLeft, ChevronRight, Pause, Play, TriangleAlert } from 'lucide-react';
import type { KeyboardEvent as ReactKeyboardEvent, RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Defect, MediaRef } from '../../../shared/model/take.ts';
import type { FrameRange } from './playerMath.ts';
import { clampFrame, frameAtTime, mediaRate, rateLabel, shuttle, timecodeAt, timeForFrame } from './playerMath.ts';
import { Scrubber } from './Scrubber.tsx';

interface Props {
  readonly media: MediaRef;
  readonly url: string;
  readonly poster: string | null;
  readonly strip: { readonly url: string; readonly tiles: number } | null;
  readonly trim: FrameRange;
  readonly trimmed: boolean;
  readonly defects: readonly Defect[];
  readonly armedDefectId: string | null;
  /** The frame on screen, for actions outside the player (a new defect starts there). */
  readonly frameRef: RefObject<number>;
  /** I or O pressed at a frame. */
  readonly onMark: (which: 'in' | 'out', frame: number) => void;
  /** The file would not load (missing, changed, unsupported): the caller re-checks it. */
  readonly onLoadError: () => void;
}

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: (now: number, metadata: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Plays a take's video frame-accurately at the media's own rational rate: J/K/L shuttle (reverse
 * by stepping, since browsers only play forward), ←/→ one frame (Shift: ten), Home/End to the
 * trim, Space play/pause, I/O mark in and out. Keys work while the player (or its timeline) has
 * focus and never reach the canvas shortcuts.
 */
export function TakePlayer({ media, url, poster, strip, trim, trimmed, defects, armedDefectId, frameRef, onMark, onLoadError }: Props) {
  const video = useRef<VideoWithFrames>(null);
  const rate = mediaRate(media);
  const total = media.durationFrames;
  const [frame, setFrameState] = useState(() => trim.start);
  const [speed, setSpeed] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);

  const setFrame = useCallback(
    (value: number) => {
      frameRef.current = value;
      setFrameState(value);
    },
    [frameRef],
  );

  const seek = useCallback(
    (target: number) => {
      const f = clampFrame(target, total);
      setFrame(f);
      const v = video.current;
      if (v && v.readyState >= 1) v.currentTime = timeForFrame(f, rate);
    },
    [rate, total, setFrame],
  );

  const stop = useCallback(() => {
    setSpeed(0);
    video.current?.pause();
  }, []);

  // Forward play: the element plays at the shuttle speed; the frame follows the decoder.
  useEffect(() => {
    const v = video.current;
    if (!v || speed <= 0) return;
    v.playbackRate = speed;
    void v.play().catch(() => setSpeed(0));
    let handle = 0;
    let raf = 0;
    if (v.requestVideoFrameCallback) {
      const onFrame = (_now: number, meta: { mediaTime: number }) => {
        setFrame(frameAtTime(meta.mediaTime, rate, total));
        handle = v.requestVideoFrameCallback!(onFrame);
      };
      handle = v.requestVideoFrameCallback(onFrame);
    } else {
      const tick = () => {
        setFrame(frameAtTime(v.currentTime, rate, total));
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    }
    return () => {
      if (handle) v.cancelVideoFrameCallback?.(handle);
      cancelAnimationFrame(raf);
      v.pause();
      // Land exactly on a frame when playing stops.
      const f = frameAtTime(v.currentTime, rate, total);
      setFrame(f);
      v.currentTime = timeForFrame(f, rate);
    };
  }, [speed, rate, total, setFrame]);

  // Reverse play: step back frame by frame at the shuttle speed.
  useEffect(() => {
    if (speed >= 0) return;
    const fps = rate.num / rate.den;
    let last = performance.now();
    let carry = 0;
    let raf = 0;
    const tick = (now: number) => {
      carry += ((now - last) / 1000) * fps * -speed;
      last = now;
      const steps = Math.floor(carry);
      if (steps > 0) {
        carry -= steps;
        const next = frameRef.current - steps;
        seek(next);
        if (next <= 0) return setSpeed(0);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [speed, rate, seek, frameRef]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const current = frameRef.current;
    let handled = true;
    if (key === 'j' || key === 'k' || key === 'l') {
      const next = shuttle(speed, key);
      if (next !== speed && speed !== 0 && Math.sign(next) !== Math.sign(speed)) video.current?.pause();
      setSpeed(next);
    } else if (key === ' ') setSpeed((s) => (s === 0 ? 1 : 0));
    else if (event.key === 'ArrowLeft') {
      stop();
      seek(current - (event.shiftKey ? 10 : 1));
    } else if (event.key === 'ArrowRight') {
      stop();
      seek(current + (event.shiftKey ? 10 : 1));
    } else if (event.key === 'Home') {
      stop();
      seek(trim.start);
    } else if (event.key === 'End') {
      stop();
      seek(trim.end - 1);
    } else if (key === 'i' && !event.shiftKey) onMark('in', current);
    else if (key === 'o' && !event.shiftKey) onMark('out', current);
    else handled = false;
    if (handled) {
      // The canvas shortcuts (arrows nudge, I toggles the inspector) must not see these keys.
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const timecode = timecodeAt(media, frame);
  return (
    // The keys belong to the whole player: frame, transport and timeline.
    <div className="take-player" onKeyDown={onKeyDown} data-testid="take-player">
      <div
        className="take-player-frame"
        tabIndex={0}
        role="group"
        aria-label="Take player: J K L shuttle, arrow keys step frames, I and O mark in and out"
        style={{ aspectRatio: `${media.width} / ${media.height}` }}
        onClick={(e) => e.currentTarget.focus({ preventScroll: true })}
      >
        {failed ? (
          <div className="take-player-error" role="alert">
            <TriangleAlert size={16} /> {failed}
          </div>
        ) : (
          <video
            ref={video}
            src={url}
            poster={poster ?? undefined}
            preload="auto"
            playsInline
            onLoadedMetadata={() => seek(frameRef.current ?? trim.start)}
            onEnded={() => setSpeed(0)}
            onError={() => {
              setFailed(`The clip ${media.name} could not be played.`);
              onLoadError();
            }}
          />
        )}
      </div>
      <div className="take-transport">
        <button type="button" className="icon-btn" aria-label="Previous frame (←)" title="Previous frame (←)" onClick={() => (stop(), seek(frame - 1))}>
          <ChevronLeft size={15} />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={speed === 0 ? 'Play (L or Space)' : 'Pause (K or Space)'}
          title={speed === 0 ? 'Play (L or Space)' : 'Pause (K or Space)'}
          onClick={() => setSpeed((s) => (s === 0 ? 1 : 0))}
        >
          {speed === 0 ? <Play size={15} /> : <Pause size={15} />}
        </button>
        <button type="button" className="icon-btn" aria-label="Next frame (→)" title="Next frame (→)" onClick={() => (stop(), seek(frame + 1))}>
          <ChevronRight size={15} />
        </button>
        {speed !== 0 && Math.abs(speed) !== 1 ? <span className="take-shuttle tabular">{speed > 0 ? `${speed}×` : `−${-speed}×`}</span> : null}
        {speed < 0 && speed === -1 ? <span className="take-shuttle tabular">−1×</span> : null}
        <span className="take-frame-counter tabular" data-testid="take-frame">
          {frame} / {total}
        </span>
        <span className="take-timecode mono" data-testid="take-timecode">
          {timecode}
        </span>
      </div>
      <Scrubber
        frame={frame}
        durationFrames={total}
        trim={trim}
        trimmed={trimmed}
        defects={defects}
        armedDefectId={armedDefectId}
        timecode={timecode}
        strip={strip}
        onSeek={(f) => {
          stop();
          seek(f);
        }}
      />
      <div className="take-media-facts tabular">
        {rateLabel(rate)} fps · {media.width}×{media.height} · {media.codec}
        {media.variableFrameRate ? <span className="take-vfr"> · variable frame rate: frame numbers are approximate</span> : null}
      </div>
    </div>
  );
}
