import { describe, expect, it } from 'vitest';
import {
  APP_HOST,
  APP_ID,
  APP_NAME,
  APP_SCHEME,
  BRIDGE_GLOBAL,
  BUNDLE_EXTENSION,
  DB_NAME_PREFIX,
  MEDIA_SCHEME,
  PROJECT_FILE_NAME,
  PROJECT_FORMAT_ID,
  projectDatabaseName,
} from '../../shared/identity.ts';

/**
 * These values are pinned on purpose. Changing any of them orphans user data: IndexedDB is keyed
 * by origin (app://shotcanvas) and database name, the OS keys settings by the app id, and existing
 * project folders are recognised by the file name and format id. Do not update this test to make
 * a rename pass; write a migration instead.
 */
describe('identity constants', () => {
  it('are pinned to their shipped values', () => {
    expect(APP_NAME).toBe('Shotcanvas');
    expect(APP_ID).toBe('app.shotcanvas.desktop');
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('shotcanvas');
    expect(MEDIA_SCHEME).toBe('shotcanvas-media');
    expect(DB_NAME_PREFIX).toBe('shotcanvas-project-');
    expect(PROJECT_FILE_NAME).toBe('project.json');
    expect(PROJECT_FORMAT_ID).toBe('shotcanvas.project');
    expect(BUNDLE_EXTENSION).toBe('shotcanvas');
    expect(BRIDGE_GLOBAL).toBe('shotcanvas');
  });

  it('names one database per project', () => {
    expect(projectDatabaseName('123e4567-e89b-12d3-a456-426614174000')).toBe('shotcanvas-project-123e4567-e89b-12d3-a456-426614174000');
  });
});
