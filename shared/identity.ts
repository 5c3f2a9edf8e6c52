/**
 * Identity constants. Changing any of these orphans user data (IndexedDB is keyed by origin and
 * database name; the OS keys settings by app id), so tests pin their values.
 */
export const APP_NAME = 'Shotcanvas';
export const APP_ID = 'app.shotcanvas.desktop';
/** The privileged scheme and host the packaged renderer is served from: app://shotcanvas/… */
export const APP_SCHEME = 'app';
export const APP_HOST = 'shotcanvas';
/** The scheme that serves media files from inside open project folders. */
export const MEDIA_SCHEME = 'shotcanvas-media';
/** One Dexie database per project: `${DB_NAME_PREFIX}${projectId}`. */
export const DB_NAME_PREFIX = 'shotcanvas-project-';
export const PROJECT_FILE_NAME = 'project.json';
export const PROJECT_FORMAT_ID = 'shotcanvas.project';
export const BUNDLE_EXTENSION = 'shotcanvas';
export { BRIDGE_GLOBAL } from './ipc/contract.ts';

export function projectDatabaseName(projectId: string): string {
  return `${DB_NAME_PREFIX}${projectId}`;
}
