import type { FrameRef } from '../../shared/model/media.ts';

/**
 * Decoded storyboard-frame thumbnails, shared by every card that shows the same image (keyed by
 * content hash) and decoded at display size, never at full resolution: a 6000 px frame would
 * cost ~100 MB of bitmap, its thumbnail under 1 MB. No React here; views subscribe for redraws.
 */

/** Thumbnails fit this box (wide frames get 480 px, the card's largest on-screen width at 2× DPR). */
export const THUMBNAIL_MAX_WIDTH = 480;
export const THUMBNAIL_MAX_HEIGHT = 960;
export const DEFAULT_MAX_BITMAPS = 1500;

export interface ThumbnailSize {
  readonly width: number;
  readonly height: number;
}

/** Fetches and decodes one image at the given size; rejects with a readable reason. */
export type ThumbnailDecoder = (url: string, size: ThumbnailSize) => Promise<ImageBitmap>;

export type ThumbnailEvent = 'loaded' | 'failed' | 'evicted';
export type ThumbnailListener = (hash: string, event: ThumbnailEvent) => void;

export interface ThumbnailCacheOptions {
  readonly decode?: ThumbnailDecoder;
  readonly maxBitmaps?: number;
  /** Decodes in flight at once: a zoomed-out board of 2,000 cards must not start 2,000 fetches. */
  readonly maxConcurrent?: number;
  /**
   * An evicted bitmap is closed after this delay rather than at once, so a card drawn this frame
   * with it does not hit a closed bitmap; listeners hear 'evicted' and ask again.
   */
  readonly closeDelayMs?: number;
  readonly schedule?: (callback: () => void, ms: number) => void;
}

/** The displayed size of a frame's thumbnail: scaled down to fit the box, never up. */
export function thumbnailSize(frame: Pick<FrameRef, 'width' | 'height'>): ThumbnailSize {
  const scale = Math.min(1, THUMBNAIL_MAX_WIDTH / frame.width, THUMBNAIL_MAX_HEIGHT / frame.height);
  return { width: Math.max(1, Math.round(frame.width * scale)), height: Math.max(1, Math.round(frame.height * scale)) };
}

/** The browser decoder: fetch (cookie on the web host, our origin on the desktop) → blob → resized bitmap. */
export const browserDecoder: ThumbnailDecoder = async (url, size) => {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(response.status === 404 ? 'the image file is missing from the project’s media folder' : `loading it failed (HTTP ${response.status})`);
  const blob = await response.blob();
  return createImageBitmap(blob, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'medium' });
};

interface Pending {
  readonly hash: string;
  readonly url: string;
  readonly size: ThumbnailSize;
}

export class ThumbnailCache {
  private readonly decode: ThumbnailDecoder;
  private readonly maxBitmaps: number;
  private readonly maxConcurrent: number;
  private readonly closeDelayMs: number;
  private readonly schedule: (callback: () => void, ms: number) => void;
  /** Ready bitmaps in least-recently-used order (a Map iterates in insertion order). */
  private readonly ready = new Map<string, ImageBitmap>();
  private readonly failed = new Map<string, string>();
  private readonly loading = new Set<string>();
  private readonly queue: Pending[] = [];
  private readonly listeners = new Set<ThumbnailListener>();
  private running = 0;
  /** Bumped by clear(): decodes started before it are dropped when they finish. */
  private generation = 0;

  constructor(options: ThumbnailCacheOptions = {}) {
    this.decode = options.decode ?? browserDecoder;
    this.maxBitmaps = options.maxBitmaps ?? DEFAULT_MAX_BITMAPS;
    this.maxConcurrent = options.maxConcurrent ?? 6;
    this.closeDelayMs = options.closeDelayMs ?? 1000;
    this.schedule = options.schedule ?? ((callback, ms) => void setTimeout(callback, ms));
  }

  /**
   * The decoded thumbnail, or null while it loads (or after it failed: see thumbnailError).
   * Cheap enough to call at draw time, which also keeps visible frames at the fresh end of the LRU.
   */
  getThumbnail(frame: FrameRef, url: string): ImageBitmap | null {
    const bitmap = this.ready.get(frame.hash);
    if (bitmap) {
      this.ready.delete(frame.hash);
      this.ready.set(frame.hash, bitmap);
      return bitmap;
    }
    if (this.failed.has(frame.hash) || this.loading.has(frame.hash)) return null;
    this.loading.add(frame.hash);
    this.queue.push({ hash: frame.hash, url, size: thumbnailSize(frame) });
    this.pump();
    return null;
  }

  /** Why the thumbnail could not be shown (for a broken-image marker), or null. */
  thumbnailError(hash: string): string | null {
    return this.failed.get(hash) ?? null;
  }

  /** Forget failures (all, or one image's) so they are tried again: after a project reopens, say. */
  retryFailed(hash?: string): void {
    if (hash === undefined) this.failed.clear();
    else this.failed.delete(hash);
  }

  /** Hears each thumbnail that finished loading, failed or was evicted; returns the unsubscribe. */
  onThumbnailLoaded(listener: ThumbnailListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.ready.size;
  }

  /** Drops everything (project closed): bitmaps are closed, pending decodes discarded. */
  clear(): void {
    this.generation += 1;
    const bitmaps = [...this.ready.values()];
    this.ready.clear();
    this.failed.clear();
    this.loading.clear();
    this.queue.length = 0;
    this.running = 0;
    this.schedule(() => bitmaps.forEach((b) => b.close()), this.closeDelayMs);
  }

  private emit(hash: string, event: ThumbnailEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(hash, event);
      } catch (error) {
        console.error('thumbnail listener failed', error);
      }
    }
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.running += 1;
      void this.load(next, this.generation);
    }
  }

  private async load(item: Pending, generation: number): Promise<void> {
    let outcome: { bitmap: ImageBitmap } | { error: string };
    try {
      outcome = { bitmap: await this.decode(item.url, item.size) };
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    if (generation !== this.generation) {
      if ('bitmap' in outcome) outcome.bitmap.close();
      return;
    }
    this.running -= 1;
    this.loading.delete(item.hash);
    if ('bitmap' in outcome) {
      this.ready.set(item.hash, outcome.bitmap);
      this.evictOverflow();
      this.emit(item.hash, 'loaded');
    } else {
      this.failed.set(item.hash, outcome.error);
      this.emit(item.hash, 'failed');
    }
    this.pump();
  }

  private evictOverflow(): void {
    while (this.ready.size > this.maxBitmaps) {
      const [hash, bitmap] = this.ready.entries().next().value!;
      this.ready.delete(hash);
      this.schedule(() => bitmap.close(), this.closeDelayMs);
      this.emit(hash, 'evicted');
    }
  }
}

/** The one cache the canvas shares. */
export const thumbnailCache = new ThumbnailCache();

export const getThumbnail = (frame: FrameRef, url: string): ImageBitmap | null => thumbnailCache.getThumbnail(frame, url);
export const thumbnailError = (hash: string): string | null => thumbnailCache.thumbnailError(hash);
export const onThumbnailLoaded = (listener: ThumbnailListener): (() => void) => thumbnailCache.onThumbnailLoaded(listener);
