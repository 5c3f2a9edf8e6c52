import { basename, join, resolve } from 'node:path';
import type { GeneratorMetadata, ImportedMedia } from '../../../shared/ipc/contract.ts';
import type { MediaRef } from '../../../shared/model/take.ts';
import { mediaRefSchema } from '../../../shared/model/take.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { ioError } from '../projectSummary.ts';
import { readGeneratorMetadata } from './generatorMetadata.ts';
import { mediaFileName, shownFileName } from './mediaFileName.ts';
import {
  HASH_PREFIX_LENGTH,
  MEDIA_FOLDER,
  findSameContent,
  freeNameIn,
  removeIfEmpty,
  renameWithRetry,
  serializedPerProject,
  syncFolder,
} from './mediaFolder.ts';
import type { MediaHashCache } from './mediaHashCache.ts';
import type { ProbedFile } from './mediaProbe.ts';
import { probeMediaFile } from './mediaProbe.ts';
import { SNIFF_BYTES, sniffMediaType } from './mediaSniff.ts';
import type { StagedMedia } from './mediaStaging.ts';
import { COPY_CHUNK_BYTES, discardStaged, stageMedia } from './mediaStaging.ts';
import type { MediaToolPaths } from './mediaTools.ts';

export type ImportPhase = 'copying' | 'probing' | 'placing';

export interface MediaImportDeps {
  readonly fs: FileSystem;
  readonly hashes: MediaHashCache;
  readonly freeSpace?: FreeSpaceProbe;
  readonly tools?: MediaToolPaths;
}

export interface MediaImportInput extends MediaImportDeps {
  /** An existing project folder. */
  readonly projectDir: string;
  readonly sourcePath: string;
  /** The name to store it under (sanitized); defaults to the source's base name. */
  readonly fileName?: string;
  readonly signal: AbortSignal;
  readonly onProgress?: (done: number, total: number, phase: ImportPhase) => void;
}

async function checkProjectDir(fs: FileSystem, projectDir: string, shown: string): Promise<Result<null>> {
  try {
    const info = await fs.stat(projectDir);
    if (!info.isDirectory()) return err('NOT_FOUND', `The project folder ${projectDir} is not a folder any more.`, projectDir);
    return ok(null);
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      return err('NOT_FOUND', `The project folder ${projectDir} is gone, so "${shown}" was not imported. Reopen the project.`, projectDir);
    return ioError(`import "${shown}" into the project folder`, projectDir, error);
  }
}

function refAt(staged: StagedMedia, probed: ProbedFile, name: string, shown: string): Result<MediaRef> {
  const prefix = staged.hash.slice(0, HASH_PREFIX_LENGTH);
  const media: MediaRef = { hash: staged.hash, path: `${MEDIA_FOLDER}/${prefix}/${name}`, name, ...probed.probe, bytes: staged.bytes };
  const checked = mediaRefSchema.safeParse(media);
  return checked.success ? ok(media) : err('INTERNAL', `"${shown}" would be stored as ${media.path}, which is not a valid media reference.`, media.path);
}

/**
 * Moves a staged file to `media/<first 16 hex of its sha256>/<sanitized name>`, or finds the same
 * bytes already stored there (any name) and drops the staged copy. Runs under the project's
 * media lock; on failure removes the folder it created. The staged file is gone afterwards.
 */
async function placeStaged(
  deps: MediaImportDeps,
  staged: StagedMedia,
  probed: ProbedFile,
  fileName: string,
  shown: string,
): Promise<Result<{ media: MediaRef; deduplicated: boolean }>> {
  const { fs } = deps;
  return serializedPerProject(staged.projectDir, async () => {
    const folder = join(staged.projectDir, MEDIA_FOLDER, staged.hash.slice(0, HASH_PREFIX_LENGTH));
    const wanted = mediaFileName(fileName, probed.probe.mime);
    let createdFolder = false;
    try {
      if (!(await isRealPathInside(fs, staged.projectDir, folder)))
        return err('FORBIDDEN', `${folder} leads outside the project folder (a link?), so "${shown}" was not imported.`, folder);
      const hashOf = (path: string) => deps.hashes.hashOf(staged.projectDir, path);
      const existing = await findSameContent(fs, folder, staged.hash, staged.bytes, wanted, hashOf);
      if (existing !== null) {
        await fs.unlink(staged.tempPath).catch(() => undefined);
        const media = refAt(staged, probed, existing, shown);
        return media.ok ? ok({ media: media.value, deduplicated: true }) : media;
      }
      if (!(await pathExists(fs, folder))) {
        await fs.mkdir(folder);
        createdFolder = true;
      }
      const name = await freeNameIn(fs, folder, wanted);
      const media = refAt(staged, probed, name, shown);
      if (!media.ok) {
        if (createdFolder) await removeIfEmpty(fs, folder);
        return media;
      }
      const target = join(folder, name);
      await renameWithRetry(fs, staged.tempPath, target);
      await syncFolder(fs, folder);
      await deps.hashes.remember(staged.projectDir, target, staged.hash).catch(() => undefined);
      await deps.hashes.save(staged.projectDir);
      return ok({ media: media.value, deduplicated: false });
    } catch (error) {
      if (createdFolder) await removeIfEmpty(fs, folder);
      return ioError(`save "${shown}" into`, folder, error);
    }
  });
}

export interface FinishInput extends MediaImportDeps {
  readonly staged: StagedMedia;
  readonly fileName: string;
  readonly signal: AbortSignal;
  readonly onProgress?: (done: number, total: number, phase: ImportPhase) => void;
}

/**
 * The second half of every import: probe the staged file, read its generator metadata, place it.
 * Whatever happens, the staged temp file does not survive (it is renamed into place or removed).
 */
export async function finishStagedImport(input: FinishInput): Promise<Result<ImportedMedia>> {
  const { fs, staged, signal } = input;
  const shown = shownFileName(input.fileName);
  let placed = false;
  try {
    input.onProgress?.(staged.bytes, staged.bytes, 'probing');
    const probed = await probeMediaFile(fs, staged.tempPath, shown, { ...(input.tools ? { tools: input.tools } : {}), signal });
    if (!probed.ok) return probed;
    const metadata: GeneratorMetadata = await readGeneratorMetadata(fs, staged.tempPath, probed.value.sniffed, staged.bytes, probed.value.formatTags);
    if (signal.aborted) return err('CANCELLED', `Importing "${shown}" was cancelled; nothing was kept.`, shown);
    input.onProgress?.(staged.bytes, staged.bytes, 'placing');
    const result = await placeStaged(input, staged, probed.value, input.fileName, shown);
    placed = result.ok;
    return result.ok ? ok({ ...result.value, metadata }) : result;
  } finally {
    if (!placed) await discardStaged(fs, staged);
  }
}

/**
 * Imports a video or image file by path: checks it (empty? a type takes accept?) and the free
 * space, streams it into the media folder while hashing, probes it, reads its generator metadata
 * and places it (deduplicated by content). Cancellable through `signal`; on any failure or cancel
 * nothing is left behind. Handles files of any size: they are never read whole.
 */
export async function importMediaFile(input: MediaImportInput): Promise<Result<ImportedMedia>> {
  const { fs, signal } = input;
  const sourcePath = resolve(input.sourcePath);
  const fileName = input.fileName ?? basename(sourcePath);
  const shown = shownFileName(fileName);
  const projectDir = resolve(input.projectDir);
  const project = await checkProjectDir(fs, projectDir, shown);
  if (!project.ok) return project;

  let handle;
  try {
    handle = await fs.open(sourcePath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return err('NOT_FOUND', `"${shown}" is not there any more (${sourcePath}). Choose the file again.`, sourcePath);
    return ioError(`read "${shown}" at`, sourcePath, error);
  }
  let keepHandle = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return err('INVALID_ARGUMENT', `"${shown}" is not a file (a folder or a device?). Choose a media file.`, sourcePath);
    // The type is checked from the first bytes before a multi-GB copy starts.
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    const sniffed = sniffMediaType(head, shown);
    if (!sniffed.ok) return sniffed;
    const space = await checkFreeSpace(projectDir, info.size, input.freeSpace ?? nodeFreeSpace);
    if (!space.ok) return err(space.error.code, `Could not import "${shown}". ${space.error.message}`, space.error.where);

    let done = 0;
    const total = info.size;
    keepHandle = true;
    const staged = await stageMedia({
      fs,
      projectDir,
      source: handle.createReadStream({ start: 0, highWaterMark: COPY_CHUNK_BYTES }),
      expectedBytes: total,
      shownName: shown,
      signal,
      onBytes: (bytes) => {
        done += bytes;
        input.onProgress?.(done, total, 'copying');
      },
    });
    if (!staged.ok) return staged;
    return await finishStagedImport({ ...input, staged: staged.value, fileName, signal });
  } catch (error) {
    return ioError(`read "${shown}" at`, sourcePath, error);
  } finally {
    // The read stream closes the handle when it ends or fails; before that it is ours to close.
    if (!keepHandle) await handle.close().catch(() => undefined);
  }
}
