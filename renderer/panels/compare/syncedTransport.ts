import type { FrameRate } from '../../../shared/model/frameRate.ts';
import { SHUTTLE_MAX, frameAtTime, timeForFrame } from '../takes/playerMath.ts';
import type { PaneClip } from './transport.ts';
import { clampFrame, masterFrameAtSeconds, masterLength, masterRate, paneFrame } from './transport.ts';

/** The parts of an HTMLVideoElement the transport drives (a fake in unit tests). */
export interface VideoLike {
  currentTime: number;
  playbackRate: number;
  readonly paused: boolean;
  readonly seeking: boolean;
  play(): Promise<void> | void;
  pause(): void;
}

export interface TransportSnapshot {
  /** Master frame, 0 … length − 1. */
  readonly frame: number;
  /** 0 paused; 1, 2, 4, 8 forward; −1 … −8 backward (J/K/L). */
  readonly speed: number;
}

/** A playing video this many of its own frames away from where the clock says is put back. */
const DRIFT_FRAMES = 2;

/**
 * One clock for 2–4 players. Forward play lets each video decode natively (at the shuttle speed)
 * and only corrects drift; backward play and every pause, step or scrub seek each video to the
 * exact frame its clip shows at the master frame. A clip shorter than the longest holds its last
 * frame; a still shows at every frame.
 */
export class SyncedTransport {
  readonly master: FrameRate;
  readonly length: number;
  private readonly clips: readonly PaneClip[];
  private readonly videos: Array<VideoLike | null>;
  /** The frame each video was last asked to show while not playing forward. */
  private readonly asked: Array<number | null>;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly schedule: (tick: () => void) => number;
  private readonly cancel: (handle: number) => void;
  private snapshot: TransportSnapshot = { frame: 0, speed: 0 };
  private anchor = { frame: 0, time: 0 };
  private handle: number | null = null;

  constructor(
    clips: readonly PaneClip[],
    fallbackRate: FrameRate,
    options: { now?: () => number; schedule?: (tick: () => void) => number; cancel?: (handle: number) => void } = {},
  ) {
    this.clips = clips;
    this.master = masterRate(clips, fallbackRate);
    this.length = masterLength(clips, this.master);
    this.videos = clips.map(() => null);
    this.asked = clips.map(() => null);
    this.now = options.now ?? (() => performance.now());
    this.schedule = options.schedule ?? ((tick) => requestAnimationFrame(tick));
    this.cancel = options.cancel ?? ((handle) => cancelAnimationFrame(handle));
  }

  get state(): TransportSnapshot {
    return this.snapshot;
  }

  /** The media frame pane `index` shows now. */
  paneFrame(index: number, frame = this.snapshot.frame): number {
    const clip = this.clips[index];
    return clip ? paneFrame(frame, this.master, clip) : 0;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects (or, with null, disconnects) the video element of a pane and shows the current frame in it. */
  attach(index: number, video: VideoLike | null): void {
    if (index < 0 || index >= this.videos.length) return;
    this.videos[index] = video;
    this.asked[index] = null;
    if (video) this.syncPane(index, true);
  }

  /** A pane's video finished loading its metadata: seek it again (an early seek may have been dropped). */
  reload(index: number): void {
    this.asked[index] = null;
    this.syncPane(index, true);
  }

  play(speed = 1): void {
    const s = Math.max(-SHUTTLE_MAX, Math.min(SHUTTLE_MAX, speed));
    if (s === 0) return this.pause();
    let frame = this.snapshot.frame;
    // Play at the end starts again from the top (and backward play at the top from the end).
    if (s > 0 && frame >= this.length - 1) frame = 0;
    if (s < 0 && frame <= 0) frame = this.length - 1;
    this.anchor = { frame, time: this.now() };
    this.set({ frame, speed: s });
    for (let i = 0; i < this.videos.length; i += 1) {
      this.asked[i] = null;
      this.syncPane(i, true);
    }
    if (this.handle === null) this.handle = this.schedule(this.tick);
  }

  pause(): void {
    this.stopClock();
    this.set({ frame: this.snapshot.frame, speed: 0 });
    this.syncAll(true);
  }

  toggle(): void {
    if (this.snapshot.speed === 0) this.play(1);
    else this.pause();
  }

  /** Stops and shows `frame` (clamped) in every pane. */
  seek(frame: number): void {
    this.stopClock();
    this.set({ frame: clampFrame(frame, this.length), speed: 0 });
    this.syncAll(true);
  }

  step(delta: number): void {
    this.seek(this.snapshot.frame + delta);
  }

  /** Called every animation frame while playing. */
  private readonly tick = (): void => {
    this.handle = null;
    const { speed } = this.snapshot;
    if (speed === 0) return;
    const elapsed = Math.max(0, (this.now() - this.anchor.time) / 1000) * Math.abs(speed);
    const moved = masterFrameAtSeconds(elapsed, this.master);
    const frame = this.anchor.frame + (speed > 0 ? moved : -moved);
    if ((speed > 0 && frame >= this.length - 1) || (speed < 0 && frame <= 0)) {
      this.set({ frame: clampFrame(frame, this.length), speed: 0 });
      this.syncAll(true);
      return;
    }
    if (frame !== this.snapshot.frame) this.set({ frame, speed });
    this.syncAll(false);
    this.handle = this.schedule(this.tick);
  };

  private syncAll(force: boolean): void {
    for (let i = 0; i < this.videos.length; i += 1) this.syncPane(i, force);
  }

  private syncPane(index: number, force: boolean): void {
    const video = this.videos[index];
    const clip = this.clips[index];
    if (!video || !clip?.rate) return;
    const { frame, speed } = this.snapshot;
    const target = paneFrame(frame, this.master, clip);
    const held = target >= clip.trimOut - 1;
    if (speed > 0 && !held) {
      if (video.playbackRate !== speed) video.playbackRate = speed;
      if (video.paused) {
        video.currentTime = timeForFrame(target, clip.rate);
        void Promise.resolve(video.play()).catch(() => undefined);
      } else if (Math.abs(frameAtTime(video.currentTime, clip.rate, clip.trimOut) - target) > DRIFT_FRAMES) {
        video.currentTime = timeForFrame(target, clip.rate);
      }
      this.asked[index] = null;
      return;
    }
    if (!video.paused) video.pause();
    // Backward play asks for a new frame only once the last seek has landed; a pause always asks.
    if (this.asked[index] === target || (!force && video.seeking)) return;
    this.asked[index] = target;
    video.currentTime = timeForFrame(target, clip.rate);
  }

  private stopClock(): void {
    if (this.handle !== null) this.cancel(this.handle);
    this.handle = null;
  }

  private set(next: TransportSnapshot): void {
    if (next.frame === this.snapshot.frame && next.speed === this.snapshot.speed) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.stopClock();
    for (const video of this.videos) video?.pause();
    this.listeners.clear();
  }
}
