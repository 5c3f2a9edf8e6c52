import { describe, expect, it } from 'vitest';
import { runCrashTest } from './crashTest.ts';

describe('crash test: SIGKILL while saving', () => {
  it('50 kills: project.json is never torn, temp files are swept, no acknowledged revision is lost', async () => {
    const lines: string[] = [];
    const report = await runCrashTest({ kills: 50, log: (line) => lines.push(line) });
    expect(report, lines.filter((l) => !l.includes('recovered')).join('\n')).toEqual({ kills: 50, torn: 0, tempFilesLeftAfterSweep: 0, revisionsLost: 0 });
    // The kills must land during real work: some revisions were acknowledged in every run.
    const acks = lines.filter((l) => /last ack (\d+)/.test(l)).map((l) => Number(/last ack (\d+)/.exec(l)![1]));
    expect(acks.at(-1)).toBeGreaterThan(50);
  }, 240_000);
});
