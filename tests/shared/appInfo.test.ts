import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, MIN_READER_VERSION } from '../../shared/appInfo.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

function parts(version: string): number[] {
  return version.split('-')[0]!.split('.').map(Number);
}

describe('appVersion', () => {
  it("APP_VERSION equals package.json's version (project files record it)", async () => {
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('MIN_READER_VERSION is a semantic version not newer than this build', () => {
    expect(MIN_READER_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    const [a, b] = [parts(MIN_READER_VERSION), parts(APP_VERSION)];
    const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    expect(cmp).toBeLessThanOrEqual(0);
  });
});

describe('compareVersions', () => {
  it('orders dotted numeric versions numerically, not as text', async () => {
    const { compareVersions } = await import('../../shared/appInfo.ts');
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
    expect(compareVersions('1.2.3-beta.1', '1.2.3')).toBe(0);
    expect(compareVersions('0.1.0', '0.2.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
  });
});
