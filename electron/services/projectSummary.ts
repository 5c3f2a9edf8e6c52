import { basename } from 'node:path';
import type { ProjectSummary } from '../../shared/ipc/contract.ts';
import type { ProjectFile } from '../../shared/model/projectFile.ts';
import type { Result } from '../../shared/result.ts';
import { err } from '../../shared/result.ts';
import { errorCode } from './fileSystem.ts';

export function summaryOf(dir: string, file: ProjectFile, lastOpenedAt: string | null): ProjectSummary {
  const { settings, shots } = file.data;
  return {
    projectId: file.projectId,
    name: settings.name,
    path: dir,
    frameRate: settings.frameRate,
    width: settings.width,
    height: settings.height,
    savedAt: file.savedAt,
    shotCount: shots.length,
    problem: null,
    lastOpenedAt,
  };
}

/** A library row for a folder whose project.json cannot be read; `problem` says why. */
export function brokenSummary(dir: string, problem: string, lastOpenedAt: string | null): ProjectSummary {
  return { projectId: null, name: basename(dir), path: dir, frameRate: null, width: null, height: null, savedAt: null, shotCount: 0, problem, lastOpenedAt };
}

/** An I/O failure as a Result whose message says what to do. */
export function ioError(action: string, path: string, error: unknown): Result<never> {
  const code = errorCode(error);
  if (code === 'ENOSPC') return err('NO_SPACE', `The disk is full: could not ${action} ${path}. Free some space and try again.`, path);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return err('IO_ERROR', `No permission to ${action} ${path}. Check the folder's permissions.`, path);
  }
  return err('IO_ERROR', `Could not ${action} ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
}
