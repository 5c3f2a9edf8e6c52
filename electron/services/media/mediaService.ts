import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type {
  CheckMediaInput,
  ImportMediaInput,
  ImportedMedia,
  JobStarted,
  MediaCheck,
  MediaPoster,
  MediaUploadTarget,
  ProbedMedia,
  ProjectMediaInput,
  RelinkMediaInput,
  RelinkedMedia,
  ScrubStrip,
} from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import type { JobRegistry } from '../jobs.ts';
import { readGeneratorMetadata } from './generatorMetadata.ts';
import { shownFileName } from './mediaFileName.ts';
import { MediaHashCache } from './mediaHashCache.ts';
import { finishStagedImport, importMediaFile } from './mediaImport.ts';
import { resolveStoredMedia } from './mediaPaths.ts';
import { probeMediaFile } from './mediaProbe.ts';
import { checkMediaFiles, relinkMediaFile } from './mediaRelink.ts';
import { stageMedia, sweepStaleStaging } from './mediaStaging.ts';
import type { MediaToolPaths } from './mediaTools.ts';
import type { ThumbnailSource } from './thumbnails.ts';
import { Thumbnails } from './thumbnails.ts';

export interface MediaServiceDeps {
  readonly fs: FileSystem;
  /** The writer check (imports and relinks change the project) and open projects' folders. */
  readonly projects: {
    ownedDir(projectId: string, clientId: string): Result<string>;
    dirOf(projectId: string): string | undefined;
  };
  /** Confinement of user-given source paths (the web host only reads inside its workspace). */
  readonly paths: { checkAllowed(path: string): Promise<Result<string>> };
  readonly jobs: JobRegistry;
  readonly freeSpace?: FreeSpaceProbe;
  readonly tools?: MediaToolPaths;
}

/** A browser upload to the web host, streamed (never buffered whole) into the same import. */
export interface MediaUploadInput extends MediaUploadTarget {
  readonly body: Readable;
  /** Content-Length: exactly this many bytes must arrive. */
  readonly size: number;
  /** Aborted when the browser drops the connection. */
  readonly signal: AbortSignal;
}

/** A started job and its own Result (the renderer follows the events; services and tests await `done`). */
export interface StartedJob<T> {
  readonly jobId: string;
  readonly done: Promise<Result<T>>;
}

/**
 * Media of takes: import (by path, or a web upload) as jobs, probing, posters and scrub strips,
 * missing-file checks and relinking. MainApi's media methods are thin calls into this.
 */
export class MediaService {
  private readonly deps: MediaServiceDeps;
  private readonly hashes: MediaHashCache;
  private readonly thumbnails: Thumbnails;
  private readonly freeSpace: FreeSpaceProbe;
  /** Projects whose media/ was swept of crashed imports' copies in this run. */
  private readonly swept = new Set<string>();

  constructor(deps: MediaServiceDeps) {
    this.deps = deps;
    this.hashes = new MediaHashCache(deps.fs);
    this.thumbnails = new Thumbnails({ fs: deps.fs, ...(deps.tools ? { tools: deps.tools } : {}) });
    this.freeSpace = deps.freeSpace ?? nodeFreeSpace;
  }

  /** Before the first write into a project in this run: drop copies a crashed import left. */
  private async sweepOnce(projectDir: string): Promise<void> {
    if (this.swept.has(projectDir)) return;
    this.swept.add(projectDir);
    await sweepStaleStaging(this.deps.fs, projectDir).catch(() => 0);
  }

  private openDir(projectId: string): Result<string> {
    const dir = this.deps.projects.dirOf(projectId);
    return dir ? ok(dir) : err('NOT_FOUND', 'This project is not open any more; reopen it to see its media.', projectId);
  }

  private get toolOptions(): { tools?: MediaToolPaths } {
    return this.deps.tools ? { tools: this.deps.tools } : {};
  }

  async startImport(input: ImportMediaInput): Promise<Result<StartedJob<ImportedMedia>>> {
    const dir = this.deps.projects.ownedDir(input.projectId, input.clientId);
    if (!dir.ok) return dir;
    const source = await this.deps.paths.checkAllowed(input.sourcePath);
    if (!source.ok) return source;
    await this.sweepOnce(dir.value);
    const fileName = input.fileName ?? basename(source.value);
    const job = this.deps.jobs.start('media-import', `Importing ${shownFileName(fileName)}`, (ctx) =>
      importMediaFile({
        fs: this.deps.fs,
        hashes: this.hashes,
        freeSpace: this.freeSpace,
        ...this.toolOptions,
        projectDir: dir.value,
        sourcePath: source.value,
        fileName,
        signal: ctx.signal,
        onProgress: (done, total, phase) => ctx.progress(done, total, phase),
      }),
    );
    return ok(job);
  }

  async importMedia(input: ImportMediaInput): Promise<Result<JobStarted>> {
    const started = await this.startImport(input);
    return started.ok ? ok({ jobId: started.value.jobId, targetPath: null }) : started;
  }

  /**
   * The web host's upload: streamed into the media folder while hashing (the HTTP request is the
   * copy), then the same probe-and-place as any import, as a `media-import` job.
   */
  async acceptUpload(input: MediaUploadInput): Promise<Result<StartedJob<ImportedMedia>>> {
    const shown = shownFileName(input.fileName);
    // Refusals leave the body unread: the route answers and closes the connection.
    const dir = this.deps.projects.ownedDir(input.projectId, input.clientId);
    if (!dir.ok) return dir;
    await this.sweepOnce(dir.value);
    if (input.size === 0) return err('INVALID_ARGUMENT', `"${shown}" is empty (0 bytes), so it holds no video or image. Choose another file.`, shown);
    const space = await checkFreeSpace(dir.value, input.size, this.freeSpace);
    if (!space.ok) return err(space.error.code, `Could not import "${shown}". ${space.error.message}`, space.error.where);
    const staged = await stageMedia({
      fs: this.deps.fs,
      projectDir: dir.value,
      source: input.body,
      expectedBytes: input.size,
      shownName: shown,
      signal: input.signal,
      sizeMismatch: (received) => `The upload of "${shown}" stopped after ${received} of ${input.size} bytes; nothing was kept. Try again.`,
    });
    if (!staged.ok) return staged;
    const job = this.deps.jobs.start('media-import', `Importing ${shown}`, (ctx) =>
      finishStagedImport({
        fs: this.deps.fs,
        hashes: this.hashes,
        ...this.toolOptions,
        staged: staged.value,
        fileName: input.fileName,
        signal: ctx.signal,
        onProgress: (done, total, phase) => ctx.progress(done, total, phase),
      }),
    );
    return ok(job);
  }

  async probeMedia(input: ProjectMediaInput): Promise<Result<ProbedMedia>> {
    const dir = this.openDir(input.projectId);
    if (!dir.ok) return dir;
    const file = await resolveStoredMedia(this.deps.fs, dir.value, input.hash, input.path);
    if (!file.ok) return file;
    const shown = shownFileName(input.path);
    const probed = await probeMediaFile(this.deps.fs, file.value, shown, this.toolOptions);
    if (!probed.ok) return probed;
    const metadata = await readGeneratorMetadata(this.deps.fs, file.value, probed.value.sniffed, probed.value.probe.bytes, probed.value.formatTags);
    return ok({ probe: probed.value.probe, metadata });
  }

  private async thumbnailSource(input: ProjectMediaInput): Promise<Result<ThumbnailSource>> {
    const dir = this.openDir(input.projectId);
    if (!dir.ok) return dir;
    const file = await resolveStoredMedia(this.deps.fs, dir.value, input.hash, input.path);
    if (!file.ok) return file;
    const shownName = shownFileName(input.path);
    return ok({
      projectDir: dir.value,
      hash: input.hash,
      file: file.value,
      shownName,
      probe: async () => {
        const probed = await probeMediaFile(this.deps.fs, file.value, shownName, this.toolOptions);
        return probed.ok ? ok(probed.value.probe) : probed;
      },
    });
  }

  async getMediaPoster(input: ProjectMediaInput): Promise<Result<MediaPoster>> {
    const source = await this.thumbnailSource(input);
    return source.ok ? this.thumbnails.poster(source.value) : source;
  }

  async getScrubStrip(input: ProjectMediaInput): Promise<Result<ScrubStrip>> {
    const source = await this.thumbnailSource(input);
    return source.ok ? this.thumbnails.scrubStrip(source.value) : source;
  }

  async checkMedia(input: CheckMediaInput): Promise<Result<MediaCheck[]>> {
    const dir = this.openDir(input.projectId);
    if (!dir.ok) return dir;
    return checkMediaFiles(this.deps.fs, this.hashes, dir.value, input.refs);
  }

  async startRelink(input: RelinkMediaInput): Promise<Result<StartedJob<RelinkedMedia>>> {
    const dir = this.deps.projects.ownedDir(input.projectId, input.clientId);
    if (!dir.ok) return dir;
    const source = await this.deps.paths.checkAllowed(input.newSourcePath);
    if (!source.ok) return source;
    const job = this.deps.jobs.start('media-relink', `Relinking ${shownFileName(input.path)}`, (ctx) =>
      relinkMediaFile({
        fs: this.deps.fs,
        hashes: this.hashes,
        projectDir: dir.value,
        ref: { hash: input.hash, path: input.path },
        newSourcePath: source.value,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done, total, 'copying'),
        freeSpace: this.freeSpace,
      }),
    );
    return ok(job);
  }

  async relinkMedia(input: RelinkMediaInput): Promise<Result<JobStarted>> {
    const started = await this.startRelink(input);
    return started.ok ? ok({ jobId: started.value.jobId, targetPath: null }) : started;
  }
}
