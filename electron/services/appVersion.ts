/**
 * The app version written into project files. Kept in sync with package.json by a test; a
 * constant (not a package.json read) because the bundled main process has no package.json path.
 */
export const APP_VERSION = '0.1.0';
/** The oldest app version that can read the project format this build writes. */
export const MIN_READER_VERSION = '0.1.0';
