/**
 * `npm run bench [-- --shots N] [--only canvas|save] [--variant shotcanvas|baseline] [--frames N] [--quick]`: benchmarks printed as one JSON line per figure, each
 * measured for Shotcanvas and for a naive baseline in the same run, then a one-line machine
 * description. Not a test: CI runs it only at a small size as a smoke check.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromiumPath.ts';
import { generateBenchProject } from './generateProject.ts';
import { runCanvasBench } from './canvasBench.ts';
import { runSaveBench } from './saveBench.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    frames: { type: 'string', default: '120' },
    shots: { type: 'string', default: '10000' },
    'pad-bytes': { type: 'string', default: '2600' },
    'edit-seconds': { type: 'string', default: '60' },
    quick: { type: 'boolean', default: false },
    variant: { type: 'string' },
  },
});
const quick = values.quick;
const shots = quick ? 500 : Number(values.shots);
const padBytes = quick ? 200 : Number(values['pad-bytes']);
const editSeconds = quick ? 6 : Number(values['edit-seconds']);

const emit = (figure: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(figure)}\n`);
const root = await mkdtemp(join(tmpdir(), 'shotcanvas-bench-'));
const executablePath = findChromium();
// Frame times must not be capped by vsync, or every figure would read 16.7 ms at best.
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
const only = values.only;
// `--variant shotcanvas` skips the (slow) baseline while iterating; reported figures use both.
const variants = (['shotcanvas', 'baseline'] as const).filter((v) => !values.variant || v === values.variant);
try {
  const workspace = join(root, 'workspace');
  if (!only || only === 'canvas') {
    for (const variant of variants) {
      const project = await generateBenchProject(workspace, `Canvas ${variant}`, { shots, images: quick ? 10 : 100 });
      await runCanvasBench({
        browser,
        workspace,
        dataDir: join(root, `canvas-host-${variant}`),
        project,
        variant,
        frames: quick ? 30 : Number(values.frames),
        emit,
      });
    }
  }
  if (!only || only === 'save') {
    for (const variant of variants) {
      const project = await generateBenchProject(workspace, `Bench ${variant}`, { shots, padBytes });
      await runSaveBench({ browser, workspace, dataDir: join(root, `host-${variant}`), project, variant, editSeconds, durableSamples: quick ? 3 : 12, emit });
    }
  }
  process.stderr.write(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, node ${process.version}, ${browser.version()} (${executablePath})\n`,
  );
} finally {
  await browser.close();
  await rm(root, { recursive: true, force: true });
}
