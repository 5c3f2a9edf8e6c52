import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limitConcurrency, resolveMediaTool, runTool } from '../../../../electron/services/media/mediaTools.ts';
import { useTempDir } from '../support/tempDir.ts';
import { requireFfmpeg } from './support/mediaFixtures.ts';

const tmp = useTempDir('shotcanvas-tools-');

describe('resolveMediaTool', () => {
  it('prefers an explicit path, refusing one that is not executable', async () => {
    const fake = join(tmp(), 'ffprobe');
    await writeFile(fake, '#!/bin/sh\n');
    await chmod(fake, 0o755);
    expect(await resolveMediaTool('ffprobe', { ffprobe: fake })).toBe(fake);
    await chmod(fake, 0o644);
    expect(await resolveMediaTool('ffprobe', { ffprobe: fake })).toBeNull();
  });

  it('takes ffprobe from its installer package, and ffmpeg from PATH', async () => {
    expect(await resolveMediaTool('ffprobe')).toMatch(/@ffprobe-installer[\\/]/);
    const bin = join(tmp(), 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'ffmpeg'), '#!/bin/sh\n');
    await chmod(join(bin, 'ffmpeg'), 0o755);
    expect(await resolveMediaTool('ffmpeg', {}, bin)).toBe(join(bin, 'ffmpeg'));
    expect(await resolveMediaTool('ffmpeg', {}, join(tmp(), 'empty'))).toBeNull();
  });
});

describe('runTool', () => {
  it('runs without a shell: arguments reach the program verbatim', async () => {
    const outcome = await runTool(process.execPath, ['-e', 'console.log(process.argv[1])', '$(touch /tmp/pwned); `id`'], {
      timeoutMs: 10_000,
      maxOutputBytes: 1024,
    });
    expect(outcome).toMatchObject({ code: 0, timedOut: false, startError: null });
    expect(outcome.stdout.trim()).toBe('$(touch /tmp/pwned); `id`');
  });

  it('reports a timeout, too much output and a program that cannot start', async () => {
    expect(await runTool(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200, maxOutputBytes: 1024 })).toMatchObject({ timedOut: true });
    expect(await runTool(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], { timeoutMs: 10_000, maxOutputBytes: 1024 })).toMatchObject({
      tooMuchOutput: true,
    });
    expect((await runTool(join(tmp(), 'missing'), [], { timeoutMs: 1000, maxOutputBytes: 1024 })).startError).toContain('ENOENT');
  });
});

describe('limitConcurrency', () => {
  it('never runs more than the limit at once', async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      limit(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
      });
    await Promise.all(Array.from({ length: 10 }, task));
    expect(peak).toBe(2);
  });
});

describe('the media test fixtures', () => {
  it('fail (never skip) without ffmpeg, naming the install command', () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = '';
    try {
      expect(() => requireFfmpeg()).toThrow('apt-get install -y ffmpeg');
    } finally {
      process.env['PATH'] = saved;
    }
    expect(requireFfmpeg().ffprobe).toMatch(/ffprobe$/);
  });
});
