import { describe, expect, it } from 'vitest';
import type { VideoLike } from '../../../../renderer/panels/compare/syncedTransport.ts';
import { SyncedTransport } from '../../../../renderer/panels/compare/syncedTransport.ts';
import { clipOf } from '../../../../renderer/panels/compare/transport.ts';
import { take, video } from './takeFixtures.ts';

class FakeVideo implements VideoLike {
  currentTime = 0;
  playbackRate = 1;
  paused = true;
  seeking = false;
  seeks: number[] = [];
  play(): void {
    this.paused = false;
  }
  pause(): void {
    this.paused = true;
  }
}

/** Records currentTime writes as seeks. */
function watched(): FakeVideo {
  const v = new FakeVideo();
  let time = 0;
  Object.defineProperty(v, 'currentTime', {
    get: () => time,
    set: (t: number) => {
      time = t;
      v.seeks.push(t);
    },
  });
  return v;
}

function setup() {
  let now = 0;
  const ticks: Array<() => void> = [];
  const clips = [
    clipOf(take('s', { media: video(48, { num: 24, den: 1 }) })),
    clipOf(take('s', { media: video(100, { num: 24, den: 1 }), trimIn: 10, trimOut: 34 })),
    clipOf(take('s', { media: null })),
  ];
  const transport = new SyncedTransport(
    clips,
    { num: 25, den: 1 },
    {
      now: () => now,
      schedule: (tick) => ticks.push(tick),
      cancel: () => ticks.splice(0),
    },
  );
  const a = watched();
  const b = watched();
  transport.attach(0, a);
  transport.attach(1, b);
  const advance = (ms: number) => {
    now += ms;
    ticks.splice(0).forEach((t) => t());
  };
  return { transport, a, b, advance };
}

const frameOf = (seconds: number) => Math.floor(seconds * 24);

describe('SyncedTransport', () => {
  it('shows the trim-in frame of every clip at the start, seeking to the middle of frames', () => {
    const { transport, a, b } = setup();
    expect(transport.length).toBe(48);
    expect(a.seeks.at(-1)).toBeCloseTo(0.5 / 24);
    expect(b.seeks.at(-1)).toBeCloseTo(10.5 / 24);
  });

  it('seeks and steps every video to its exact frame, and clamps', () => {
    const { transport, a, b } = setup();
    transport.seek(12);
    expect(frameOf(a.currentTime)).toBe(12);
    expect(frameOf(b.currentTime)).toBe(22);
    transport.step(1);
    expect(transport.state.frame).toBe(13);
    expect(frameOf(a.currentTime)).toBe(13);
    // The shorter clip (24 frames of trim) holds its last frame past its end.
    transport.seek(40);
    expect(frameOf(b.currentTime)).toBe(33);
    transport.seek(500);
    expect(transport.state.frame).toBe(47);
    transport.step(-100);
    expect(transport.state.frame).toBe(0);
  });

  it('plays on one clock: videos decode natively, drift is corrected, a pause lands on an exact frame', () => {
    const { transport, a, b, advance } = setup();
    transport.play(1);
    expect(a.paused).toBe(false);
    expect(b.paused).toBe(false);
    advance(500); // 12 frames at 24 fps
    expect(transport.state.frame).toBe(12);
    // The videos advanced too (here: not at all, i.e. they stalled): both get put back in sync.
    expect(frameOf(a.currentTime)).toBe(12);
    expect(frameOf(b.currentTime)).toBe(22);
    transport.pause();
    expect(a.paused).toBe(true);
    expect(a.currentTime).toBeCloseTo(12.5 / 24);
    expect(transport.state.speed).toBe(0);
  });

  it('pauses a clip that reached its trim out while the others play on, and stops at the end', () => {
    const { transport, b, advance } = setup();
    transport.play(1);
    advance(1100); // frame 26: the 24-frame trim of b has ended
    expect(transport.state.frame).toBe(26);
    expect(b.paused).toBe(true);
    expect(frameOf(b.currentTime)).toBe(33);
    advance(2000);
    expect(transport.state).toEqual({ frame: 47, speed: 0 });
  });

  it('plays backward (J) by seeking frame by frame and restarts from the top when played at the end', () => {
    const { transport, a, advance } = setup();
    transport.seek(24);
    transport.play(-2);
    expect(a.paused).toBe(true);
    advance(250); // 2× backward: 12 frames
    expect(transport.state.frame).toBe(12);
    expect(frameOf(a.currentTime)).toBe(12);
    advance(1000);
    expect(transport.state).toEqual({ frame: 0, speed: 0 });
    transport.seek(47);
    transport.play(1);
    expect(transport.state.frame).toBe(0);
  });

  it('notifies listeners only when the frame or speed changes, and disposes cleanly', () => {
    const { transport, a } = setup();
    let calls = 0;
    transport.subscribe(() => (calls += 1));
    transport.seek(5);
    transport.seek(5);
    expect(calls).toBe(1);
    transport.play(1);
    transport.dispose();
    expect(a.paused).toBe(true);
  });
});
