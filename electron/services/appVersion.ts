// Moved to shared/appInfo.ts (the renderer needs it too); kept while callers migrate.
export { APP_VERSION, MIN_READER_VERSION } from '../../shared/appInfo.ts';
