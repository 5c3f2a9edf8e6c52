import type { ProjectId } from '../ids.ts';
import type { MediaRef } from '../model/take.ts';
import type { ProjectClientInput } from './contract.ts';

/**
 * The media part of the main-process contract (import, probe, posters, scrub strips, checks and
 * relink of take media); re-exported by contract.ts, kept apart so neither file grows past a read.
 */

/** What the prober reads from a media file: a MediaRef without its place in the project. */
export type MediaProbe = Omit<MediaRef, 'hash' | 'path' | 'name'>;

/** The largest text kept per metadata entry (ComfyUI workflows run to a few hundred KB). */
export const MAX_METADATA_ENTRY_CHARS = 2_000_000;

/** Generator metadata as found in the file, uninterpreted (mapping it to a Recipe is the renderer's job). */
export interface GeneratorMetadata {
  /** Raw text by chunk keyword or tag name: "prompt", "workflow", "parameters", "comment", "XMP"… */
  readonly entries: Readonly<Record<string, string>>;
  /** What could not be read cleanly (malformed JSON, a cut entry…); never a reason to refuse the file. */
  readonly warnings: readonly string[];
}

export interface ImportMediaInput extends ProjectClientInput {
  /** The file on this machine (a dialog's answer, or a dropped file's path on the desktop). */
  readonly sourcePath: string;
  /** The name to store it under; defaults to the source's base name. */
  readonly fileName?: string;
}

/** The result of an import job. */
export interface ImportedMedia {
  readonly media: MediaRef;
  readonly metadata: GeneratorMetadata;
  /** The same bytes were already in the project: nothing was copied and `media` is the earlier file. */
  readonly deduplicated: boolean;
}

export interface MediaLocation {
  /** sha256 hex of the bytes. */
  readonly hash: string;
  /** `media/<first 16 hex of hash>/<name>`. */
  readonly path: string;
}

export interface ProjectMediaInput extends MediaLocation {
  /** An open project. */
  readonly projectId: ProjectId;
}

export interface ProbedMedia {
  readonly probe: MediaProbe;
  readonly metadata: GeneratorMetadata;
}

/** A cached image inside the project folder, shown through the media route (mediaUrl(projectId, path)). */
export interface MediaPoster {
  /** `.cache/thumbs/<hash>/poster.jpg`. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
}

export interface ScrubStrip {
  /** `.cache/thumbs/<hash>/strip.jpg`: the tiles side by side, left to right. */
  readonly path: string;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** The frame (0-based) each tile shows, in tile order. */
  readonly frames: readonly number[];
}

export interface CheckMediaInput {
  readonly projectId: ProjectId;
  readonly refs: readonly MediaLocation[];
}

export type MediaStatus = 'ok' | 'missing' | 'changed';

export interface MediaCheck extends MediaLocation {
  readonly status: MediaStatus;
}

export interface RelinkMediaInput extends ProjectClientInput, MediaLocation {
  /** A copy of the missing file found elsewhere on this machine. */
  readonly newSourcePath: string;
}

/** The result of a relink job. */
export interface RelinkedMedia extends MediaLocation {
  readonly bytes: number;
  /** The file was already in place with the right bytes: nothing was copied. */
  readonly alreadyInPlace: boolean;
}
