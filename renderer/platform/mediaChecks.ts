import type { ProjectId } from '../../shared/ids.ts';
import type { MediaLocation, MediaStatus } from '../../shared/ipc/contract.ts';
import { callMain } from './mainBridge.ts';

/**
 * Whether take media are still in the project folder with the recorded bytes. Asked of main per
 * shot when its takes are shown (and again when a player fails to load a file), remembered for
 * the session; a relink sets the answer directly.
 */
const statuses = new Map<string, MediaStatus>();
const inFlight = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

const keyOf = (projectId: string, hash: string) => `${projectId}/${hash}`;

function emit(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** The last known status, or undefined when it was not checked yet. */
export function mediaStatus(projectId: string, hash: string): MediaStatus | undefined {
  return statuses.get(keyOf(projectId, hash));
}

/** Checks the files not checked yet (all of them with `force`); a failed check leaves them unknown. */
export async function checkMediaFiles(projectId: ProjectId, refs: readonly MediaLocation[], force = false): Promise<void> {
  const wanted = new Map<string, MediaLocation>();
  for (const ref of refs) {
    const key = keyOf(projectId, ref.hash);
    if (inFlight.has(key) || (!force && statuses.has(key))) continue;
    wanted.set(key, { hash: ref.hash, path: ref.path });
  }
  if (wanted.size === 0) return;
  for (const key of wanted.keys()) inFlight.add(key);
  const result = await callMain('checkMedia', { projectId, refs: [...wanted.values()] });
  for (const key of wanted.keys()) inFlight.delete(key);
  if (!result.ok) return;
  for (const check of result.value) statuses.set(keyOf(projectId, check.hash), check.status);
  emit();
}

export function setMediaStatus(projectId: string, hash: string, status: MediaStatus): void {
  statuses.set(keyOf(projectId, hash), status);
  emit();
}

export function onMediaStatusChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function mediaStatusVersion(): number {
  return version;
}
