import type { CSSProperties } from 'react';
import { useRef } from 'react';
import type { Defect } from '../../../shared/model/take.ts';
import type { FrameRange } from './playerMath.ts';
import { clampFrame, packLanes } from './playerMath.ts';
import { DEFECT_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from './takeLabels.ts';

interface Props {
  readonly frame: number;
  readonly durationFrames: number;
  readonly trim: FrameRange;
  /** Whether the take has a trim at all (the whole clip is not drawn as a trim). */
  readonly trimmed: boolean;
  readonly defects: readonly Defect[];
  readonly armedDefectId: string | null;
  readonly timecode: string;
  /** Evenly spaced thumbnails of the clip (one sprite, left to right) behind the track, when main made them. */
  readonly strip: { readonly url: string; readonly tiles: number } | null;
  readonly onSeek: (frame: number) => void;
}

const pct = (frames: number, total: number) => `${(frames / total) * 100}%`;

/**
 * The take's timeline: a frame-accurate track (click or drag to seek; the keys are handled by the
 * player around it), the trim as a bright window with the rest dimmed, and each defect with a
 * frame range as a band in its severity colour below.
 */
export function Scrubber({ frame, durationFrames, trim, trimmed, defects, armedDefectId, timecode, strip, onSeek }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const total = Math.max(1, durationFrames);
  const frameAt = (clientX: number) => {
    const box = track.current!.getBoundingClientRect();
    return clampFrame(Math.floor(((clientX - box.left) / Math.max(1, box.width)) * total), total);
  };
  const ranged = defects.filter((d) => d.startFrame !== null && d.endFrame !== null);
  const lanes = packLanes(ranged.map((d) => ({ start: d.startFrame!, end: d.endFrame! })));
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  return (
    <div className="scrubber">
      <div
        ref={track}
        className="scrubber-track"
        role="slider"
        tabIndex={0}
        aria-label="Playhead (frame)"
        aria-valuemin={0}
        aria-valuemax={total - 1}
        aria-valuenow={frame}
        aria-valuetext={`Frame ${frame}, ${timecode}`}
        data-testid="take-scrubber"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          e.currentTarget.focus({ preventScroll: true });
          onSeek(frameAt(e.clientX));
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) onSeek(frameAt(e.clientX));
        }}
      >
        {strip ? (
          <div className="scrubber-strip" style={{ backgroundImage: `url("${strip.url}")`, backgroundSize: '100% 100%' } as CSSProperties} aria-hidden="true" />
        ) : null}
        {trimmed ? (
          <>
            <div className="scrubber-outside" style={{ left: 0, width: pct(trim.start, total) }} aria-hidden="true" />
            <div className="scrubber-outside" style={{ left: pct(trim.end, total), right: 0 }} aria-hidden="true" />
            <div className="scrubber-trim" style={{ left: pct(trim.start, total), width: pct(trim.end - trim.start, total) }} aria-hidden="true" />
          </>
        ) : null}
        <div className="scrubber-playhead" style={{ left: pct(frame, total), width: `max(2px, ${pct(1, total)})` }} aria-hidden="true" />
      </div>
      <div className="scrubber-defects" style={{ height: laneCount * 6 }} aria-hidden="true">
        {ranged.map((d, i) => (
          <span
            key={d.id}
            className={`scrubber-defect${d.id === armedDefectId ? ' armed' : ''}`}
            title={`${DEFECT_LABELS[d.type]} (${SEVERITY_LABELS[d.severity]}): frames ${d.startFrame}–${d.endFrame}`}
            data-testid="defect-band"
            style={{
              top: lanes[i]! * 6,
              left: pct(d.startFrame!, total),
              width: `max(3px, ${pct(d.endFrame! - d.startFrame! + 1, total)})`,
              background: SEVERITY_COLORS[d.severity],
            }}
          />
        ))}
      </div>
    </div>
  );
}
