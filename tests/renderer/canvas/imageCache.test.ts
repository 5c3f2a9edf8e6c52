import { describe, expect, it, vi } from 'vitest';
import type { ThumbnailDecoder, ThumbnailEvent, ThumbnailSize } from '../../../renderer/canvas/imageCache.ts';
import { ThumbnailCache, thumbnailSize } from '../../../renderer/canvas/imageCache.ts';
import type { FrameRef } from '../../../shared/model/media.ts';

function frame(hash: string, width = 1920, height = 1080): FrameRef {
  return { hash: hash.padEnd(64, '0'), path: `media/${hash.padEnd(16, '0')}/f.png`, width, height, mime: 'image/png' };
}

interface FakeBitmap {
  readonly label: string;
  readonly close: ReturnType<typeof vi.fn>;
}

/** A decoder whose calls the test settles one by one, and bitmaps that record close(). */
function controlledDecoder() {
  const calls: Array<{ url: string; size: ThumbnailSize; resolve: () => FakeBitmap; reject: (message: string) => void }> = [];
  const decode: ThumbnailDecoder = (url, size) =>
    new Promise<ImageBitmap>((resolve, reject) => {
      calls.push({
        url,
        size,
        resolve: () => {
          const bitmap: FakeBitmap = { label: url, close: vi.fn() };
          resolve(bitmap as unknown as ImageBitmap);
          return bitmap;
        },
        reject: (message) => reject(new Error(message)),
      });
    });
  return { decode, calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { maxBitmaps?: number; maxConcurrent?: number } = {}) {
  const { decode, calls } = controlledDecoder();
  const scheduled: Array<() => void> = [];
  const cache = new ThumbnailCache({ decode, ...options, schedule: (callback) => scheduled.push(callback) });
  const events: Array<[string, ThumbnailEvent]> = [];
  cache.onThumbnailLoaded((hash, event) => events.push([hash.slice(0, 1), event]));
  const runScheduled = () => scheduled.splice(0).forEach((f) => f());
  return { cache, calls, events, runScheduled };
}

describe('thumbnailSize', () => {
  it('fits the 480 × 960 box, never scaling up', () => {
    expect(thumbnailSize({ width: 6000, height: 3375 })).toEqual({ width: 480, height: 270 });
    expect(thumbnailSize({ width: 100, height: 50 })).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize({ width: 1000, height: 6000 })).toEqual({ width: 160, height: 960 });
    expect(thumbnailSize({ width: 65_535, height: 1 })).toEqual({ width: 480, height: 1 });
  });
});

describe('ThumbnailCache', () => {
  it('returns null while loading, decodes once at display size, then returns the shared bitmap', async () => {
    const { cache, calls, events } = setup();
    const f = frame('a', 4000, 2000);
    expect(cache.getThumbnail(f, '/media/p/a.png')).toBeNull();
    expect(cache.getThumbnail(f, '/media/p/a.png')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/media/p/a.png', size: { width: 480, height: 240 } });
    const bitmap = calls[0]!.resolve();
    await flush();
    expect(events).toEqual([['a', 'loaded']]);
    expect(cache.getThumbnail(f, '/media/p/a.png')).toBe(bitmap);
    // Another card (even another project's URL) with the same content shares it.
    expect(cache.getThumbnail(f, '/media/q/other-name.png')).toBe(bitmap);
    expect(calls).toHaveLength(1);
  });

  it('remembers a failure with its reason and does not retry every frame, until asked to', async () => {
    const { cache, calls, events } = setup();
    const f = frame('b');
    cache.getThumbnail(f, '/b.png');
    calls[0]!.reject('the image file is missing');
    await flush();
    expect(events).toEqual([['b', 'failed']]);
    expect(cache.thumbnailError(f.hash)).toBe('the image file is missing');
    for (let i = 0; i < 5; i += 1) expect(cache.getThumbnail(f, '/b.png')).toBeNull();
    expect(calls).toHaveLength(1);
    cache.retryFailed(f.hash);
    expect(cache.thumbnailError(f.hash)).toBeNull();
    cache.getThumbnail(f, '/b.png');
    expect(calls).toHaveLength(2);
  });

  it('evicts the least recently used bitmap past the cap, closing it only after a delay', async () => {
    const { cache, calls, events, runScheduled } = setup({ maxBitmaps: 2 });
    const [a, b, c] = [frame('a'), frame('b'), frame('c')];
    cache.getThumbnail(a, '/a');
    cache.getThumbnail(b, '/b');
    const bitmapA = calls[0]!.resolve();
    const bitmapB = calls[1]!.resolve();
    await flush();
    expect(cache.getThumbnail(a, '/a')).toBe(bitmapA); // a is now the most recently used
    cache.getThumbnail(c, '/c');
    const bitmapC = calls[2]!.resolve();
    await flush();
    expect(events).toEqual([
      ['a', 'loaded'],
      ['b', 'loaded'],
      ['b', 'evicted'],
      ['c', 'loaded'],
    ]);
    expect(cache.size).toBe(2);
    // A card drawn this frame with b must not meet a closed bitmap: closing waits.
    expect(bitmapB.close).not.toHaveBeenCalled();
    runScheduled();
    expect(bitmapB.close).toHaveBeenCalledTimes(1);
    expect(bitmapA.close).not.toHaveBeenCalled();
    expect(cache.getThumbnail(a, '/a')).toBe(bitmapA);
    expect(cache.getThumbnail(c, '/c')).toBe(bitmapC);
    // b is decoded again when a card asks for it.
    expect(cache.getThumbnail(b, '/b')).toBeNull();
    expect(calls).toHaveLength(4);
  });

  it('runs at most maxConcurrent decodes at once, starting the next as one finishes', async () => {
    const { cache, calls } = setup({ maxConcurrent: 2 });
    for (const h of ['a', 'b', 'c', 'd', 'e']) cache.getThumbnail(frame(h), `/${h}`);
    expect(calls.map((c) => c.url)).toEqual(['/a', '/b']);
    calls[0]!.resolve();
    await flush();
    expect(calls.map((c) => c.url)).toEqual(['/a', '/b', '/c']);
    calls[1]!.reject('broken');
    await flush();
    expect(calls.map((c) => c.url)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('clear() closes every bitmap and drops decodes still in flight', async () => {
    const { cache, calls, events, runScheduled } = setup();
    cache.getThumbnail(frame('a'), '/a');
    cache.getThumbnail(frame('b'), '/b');
    const bitmapA = calls[0]!.resolve();
    await flush();
    cache.clear();
    const late = calls[1]!.resolve();
    await flush();
    runScheduled();
    expect(bitmapA.close).toHaveBeenCalledTimes(1);
    expect(late.close).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(0);
    expect(events).toEqual([['a', 'loaded']]);
    expect(cache.getThumbnail(frame('a'), '/a')).toBeNull();
    expect(calls).toHaveLength(3);
  });

  it('a listener that throws does not stop the others; unsubscribing stops the calls', async () => {
    const { decode, calls } = controlledDecoder();
    const cache = new ThumbnailCache({ decode });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[] = [];
    cache.onThumbnailLoaded(() => {
      throw new Error('listener bug');
    });
    const off = cache.onThumbnailLoaded((hash) => heard.push(hash));
    cache.getThumbnail(frame('a'), '/a');
    calls[0]!.resolve();
    await flush();
    expect(heard).toHaveLength(1);
    expect(error).toHaveBeenCalled();
    off();
    cache.getThumbnail(frame('b'), '/b');
    calls[1]!.resolve();
    await flush();
    expect(heard).toHaveLength(1);
    error.mockRestore();
  });
});
