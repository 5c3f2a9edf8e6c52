/**
 * `npm run crash-test -- --kills N [--seed S] [--verbose]`: prints one JSON line
 * {"kills":N,"torn":T,"tempFilesLeftAfterSweep":L,"revisionsLost":R}; exits 1 unless all are 0.
 */
import { parseArgs } from 'node:util';
import { runCrashTest } from './crashTest.ts';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '50' }, seed: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  process.stderr.write(`--kills must be a positive whole number, not "${values.kills}"\n`);
  process.exit(2);
}
const report = await runCrashTest({
  kills,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  log: (line) => (values.verbose ? process.stderr.write(`${line}\n`) : undefined),
});
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exitCode = report.torn === 0 && report.tempFilesLeftAfterSweep === 0 && report.revisionsLost === 0 ? 0 : 1;
