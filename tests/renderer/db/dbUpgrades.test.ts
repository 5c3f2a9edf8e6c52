import { describe, expect, it } from 'vitest';
import { upgradeMetaRowToV2, upgradeMetaRowToV3, upgradeMetaRowToV4, upgradeShotRowToV3 } from '../../../renderer/db/dbUpgrades.ts';
import { MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../../../shared/takes/retiredModels.ts';
import { settings, shot } from '../../shared/fixtures.ts';

const v1Row = () => ({ key: 'state', revision: 7, folderPath: '/home/me/Shotcanvas/Teaser', settings: settings(), schemaVersion: 1 });

describe('upgradeMetaRowToV2', () => {
  it('records project format 2 and this build’s oldest reader, keeping every other field', () => {
    const row = v1Row();
    expect(upgradeMetaRowToV2(row)).toEqual({ ...row, schemaVersion: 2, minReaderVersion: MIN_READER_VERSION });
  });

  it('keeps a minReaderVersion the row already has', () => {
    expect(upgradeMetaRowToV2({ ...v1Row(), minReaderVersion: '0.3.0' })['minReaderVersion']).toBe('0.3.0');
  });

  it('replaces a minReaderVersion that is not a string', () => {
    expect(upgradeMetaRowToV2({ ...v1Row(), minReaderVersion: 3 })['minReaderVersion']).toBe(MIN_READER_VERSION);
  });

  it('is pure: the input row is not modified and a second run changes nothing more', () => {
    const row = Object.freeze(v1Row());
    const once = upgradeMetaRowToV2(row);
    expect(row).toEqual(v1Row());
    expect(once).not.toBe(row);
    expect(upgradeMetaRowToV2(once)).toEqual(once);
  });
});

describe('upgradeShotRowToV3', () => {
  const v2Shot = () => {
    const { frame: _notYet, ...row } = shot({ title: 'Wide' });
    return row;
  };

  it('gives a shot without a frame a null frame, keeping every other field', () => {
    const row = v2Shot();
    expect(upgradeShotRowToV3(row)).toEqual({ ...row, frame: null });
  });

  it('keeps a frame the row already has, and is pure', () => {
    const frame = { hash: 'ab'.repeat(32), path: `media/${'ab'.repeat(8)}/a.png`, width: 1, height: 1, mime: 'image/png' };
    const row = Object.freeze({ ...v2Shot(), frame });
    expect(upgradeShotRowToV3(row)['frame']).toBe(frame);
    const once = upgradeShotRowToV3(v2Shot());
    expect(upgradeShotRowToV3(once)).toEqual(once);
  });
});

describe('upgradeMetaRowToV3', () => {
  it('records project format 3, keeping every other field, without touching its input', () => {
    const row = Object.freeze({ ...v1Row(), schemaVersion: 2, minReaderVersion: '0.1.0' });
    expect(upgradeMetaRowToV3(row)).toEqual({ ...row, schemaVersion: 3 });
    expect(row.schemaVersion).toBe(2);
  });
});

describe('upgradeMetaRowToV4', () => {
  const v3Row = () => {
    const { retiredModels: _notYet, ...v3Settings } = settings();
    return { key: 'state', revision: 9, folderPath: '/p', settings: v3Settings, schemaVersion: 3, minReaderVersion: '0.1.0' };
  };

  it('records project format 4 and seeds the settings with the format-4 retired models, as the file migration does', () => {
    const row = Object.freeze(v3Row());
    const upgraded = upgradeMetaRowToV4(row);
    expect(upgraded).toEqual({ ...row, settings: { ...row.settings, retiredModels: RETIRED_MODELS_FORMAT_4 }, schemaVersion: 4 });
    expect(row.schemaVersion).toBe(3);
    expect((upgraded['settings'] as { retiredModels: unknown[] }).retiredModels[0]).not.toBe(RETIRED_MODELS_FORMAT_4[0]);
  });

  it('keeps a list the settings already have, and leaves settings that are not an object to validation', () => {
    const kept = { ...v3Row(), settings: { ...v3Row().settings, retiredModels: [] } };
    expect(upgradeMetaRowToV4(kept)['settings']).toEqual(kept.settings);
    expect(upgradeMetaRowToV4({ ...v3Row(), settings: null })['settings']).toBeNull();
    const once = upgradeMetaRowToV4(v3Row());
    expect(upgradeMetaRowToV4(once)).toEqual(once);
  });
});
