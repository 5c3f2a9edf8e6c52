import type { ProjectId } from '../../shared/ids.ts';
import type { MediaPoster, ScrubStrip } from '../../shared/ipc/contract.ts';
import type { MediaRef } from '../../shared/model/take.ts';
import { callMain } from './mainBridge.ts';

/**
 * Poster images and scrub strips of take media (a JPEG main makes once per file and caches in the project
 * folder), asked for once per project and hash and remembered for the session. Views call
 * `posterFor` while rendering and re-render when `onPosterChange` fires.
 */
/** A poster as the canvas thumbnail cache keys images: by a hash of its own, sized for decoding. */
export interface PosterFrame {
  readonly hash: string;
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly mime: 'image/jpeg';
}

type Entry =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly poster: MediaPoster; readonly frame: PosterFrame }
  | { readonly state: 'failed'; readonly message: string };

const ready = (hash: string, poster: MediaPoster): Entry => ({
  state: 'ready',
  poster,
  frame: { hash: `poster-${hash}`, path: poster.path, width: poster.width, height: poster.height, mime: 'image/jpeg' },
});

const entries = new Map<string, Entry>();
type StripEntry = { readonly state: 'loading' } | { readonly state: 'ready'; readonly strip: ScrubStrip } | { readonly state: 'failed' };
const strips = new Map<string, StripEntry>();
const listeners = new Set<() => void>();
let version = 0;

const keyOf = (projectId: string, hash: string) => `${projectId}/${hash}`;

function emit(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** The poster of a media file, or null while it is made (or when it could not be: see posterProblem). */
export function posterFor(projectId: ProjectId, media: Pick<MediaRef, 'hash' | 'path' | 'kind' | 'width' | 'height'>): MediaPoster | null {
  const key = keyOf(projectId, media.hash);
  const entry = entries.get(key);
  if (entry) return entry.state === 'ready' ? entry.poster : null;
  entries.set(key, { state: 'loading' });
  void callMain('getMediaPoster', { projectId, hash: media.hash, path: media.path }).then((result) => {
    if (result.ok) entries.set(key, ready(media.hash, result.value));
    // A still is its own poster when main cannot make one (no ffmpeg, say).
    else if (media.kind === 'image') entries.set(key, ready(media.hash, { path: media.path, width: media.width, height: media.height }));
    else entries.set(key, { state: 'failed', message: result.error.message });
    emit();
  });
  return null;
}

/** The poster as a canvas thumbnail key (the same object every call, so drawing allocates nothing). */
export function posterFrameFor(projectId: ProjectId, media: Pick<MediaRef, 'hash' | 'path' | 'kind' | 'width' | 'height'>): PosterFrame | null {
  posterFor(projectId, media);
  const entry = entries.get(keyOf(projectId, media.hash));
  return entry?.state === 'ready' ? entry.frame : null;
}

export function posterProblem(projectId: string, hash: string): string | null {
  const entry = entries.get(keyOf(projectId, hash));
  return entry?.state === 'failed' ? entry.message : null;
}

/** Forget a file's poster (after a relink), so it is asked for again. */
export function forgetPoster(projectId: string, hash: string): void {
  const key = keyOf(projectId, hash);
  const strip = strips.delete(key);
  if (entries.delete(key) || strip) emit();
}

export function onPosterChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Increments whenever a poster arrives or is forgotten (for useSyncExternalStore). */
export function posterVersion(): number {
  return version;
}

/** The scrub strip (thumbnails along the clip, one sprite) of a video, or null while it is made or when it cannot be. */
export function scrubStripFor(projectId: ProjectId, media: Pick<MediaRef, 'hash' | 'path' | 'kind'>): ScrubStrip | null {
  if (media.kind !== 'video') return null;
  const key = keyOf(projectId, media.hash);
  const entry = strips.get(key);
  if (entry) return entry.state === 'ready' ? entry.strip : null;
  strips.set(key, { state: 'loading' });
  void callMain('getScrubStrip', { projectId, hash: media.hash, path: media.path }).then((result) => {
    strips.set(key, result.ok ? { state: 'ready', strip: result.value } : { state: 'failed' });
    emit();
  });
  return null;
}
