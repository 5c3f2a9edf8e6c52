import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { startWebHostProcess } from '../e2e/support/webHostProcess.ts';
import type { BenchProject } from './generateProject.ts';
import { round, summarize } from './stats.ts';

export interface SaveBenchOptions {
  readonly browser: Browser;
  readonly workspace: string;
  readonly dataDir: string;
  readonly project: BenchProject;
  readonly variant: 'shotcanvas' | 'baseline';
  /** Seconds of continuous editing (one edit every 400 ms) for the save and bytes figures. */
  readonly editSeconds: number;
  /** Single edits timed from the edit to the folder's acknowledgement. */
  readonly durableSamples: number;
  readonly emit: (figure: Record<string, unknown>) => void;
}

async function writeBytes(pid: number): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  return Number(/write_bytes:\s+(\d+)/.exec(io)?.[1] ?? Number.NaN);
}

/** Clicks the shot nearest the centre of the view (whatever the camera shows). */
async function selectCentralShot(page: Page, shots: readonly { x: number; y: number }[]): Promise<void> {
  const canvas = page.getByTestId('canvas');
  const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  const box = (await canvas.boundingBox())!;
  const world = { x: (box.width / 2 - cx) / zoom, y: (box.height / 2 - cy) / zoom };
  const centre = (s: { x: number; y: number }) => ({ x: s.x + SHOT_CARD.width / 2, y: s.y + SHOT_CARD_HEIGHT / 2 });
  const nearest = [...shots].sort(
    (a, b) => Math.hypot(centre(a).x - world.x, centre(a).y - world.y) - Math.hypot(centre(b).x - world.x, centre(b).y - world.y),
  )[0]!;
  await canvas.click({ position: { x: centre(nearest).x * zoom + cx, y: centre(nearest).y * zoom + cy } });
}

/** One committed edit through the inspector (fill + Tab blurs the field, which commits it). */
async function edit(page: Page, text: string): Promise<void> {
  const description = page.getByRole('textbox', { name: 'Description' });
  await description.fill(text);
  await description.press('Tab');
}

/**
 * Autosave at scale, measured in Chromium through the web host: the UI-thread time per save
 * (the renderer's synchronous part: collecting the changes and serializing them), the time from
 * an edit to the folder's acknowledgement, and the bytes the host writes per minute of editing.
 */
export async function runSaveBench(options: SaveBenchOptions): Promise<void> {
  const { browser, project, variant, emit } = options;
  const host = await startWebHostProcess({ workspace: options.workspace, dataDir: options.dataDir });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (variant === 'baseline') await context.addInitScript(() => localStorage.setItem('shotcanvas.bench.fullSaves', '1'));
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    const name = project.dir.split('/').pop()!;
    await page.getByRole('button', { name: `Open ${name}` }).click({ timeout: 60_000 });
    await page.getByTestId('project-title').waitFor({ timeout: 180_000 });
    await page.getByTestId('canvas').waitFor();
    // Zoom to 100 % on the first shot so it can be clicked.
    await page.getByRole('button', { name: 'Zoom in' }).waitFor();
    await page.keyboard.press('Control+0');
    await page.waitForTimeout(300);
    await page.evaluate(() => performance.clearMeasures('shotcanvas:save-ui'));
    await selectCentralShot(page, project.shots);
    await page.getByRole('textbox', { name: 'Description' }).waitFor();

    await page.evaluate(() => {
      const w = window as unknown as { __saveStates: Array<{ state: string; t: number }> };
      w.__saveStates = [];
      const target = document.querySelector('[data-testid="save-state"]')?.parentElement ?? document.body;
      new MutationObserver(() => {
        const state = document.querySelector('[data-testid="save-state"]')?.getAttribute('data-state') ?? '';
        const last = w.__saveStates.at(-1);
        if (last?.state !== state) w.__saveStates.push({ state, t: performance.now() });
      }).observe(target, { subtree: true, attributes: true, childList: true });
    });

    // Edit → acknowledged by the folder, one at a time.
    const durable: number[] = [];
    for (let i = 0; i < options.durableSamples; i += 1) {
      await page.evaluate(() => ((window as unknown as { __saveStates: unknown[] }).__saveStates.length = 0));
      await edit(page, `durable sample ${i} ${Date.now()}`);
      await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 60_000 });
      const states = await page.evaluate(() => (window as unknown as { __saveStates: Array<{ state: string; t: number }> }).__saveStates);
      const start = states.find((s) => s.state === 'unsaved');
      const end = [...states].reverse().find((s) => s.state === 'saved');
      if (start && end && end.t > start.t) durable.push(end.t - start.t);
    }
    const d = summarize(durable);
    emit({ figure: 'edit-to-durable', variant, shots: project.shots.length, median: round(d.median), p95: round(d.p95), max: round(d.max), unit: 'ms' });

    // Continuous editing: an edit every 400 ms; the host's disk writes over that minute.
    const before = await writeBytes(host.child.pid!);
    const started = Date.now();
    let n = 0;
    while (Date.now() - started < options.editSeconds * 1000) {
      await edit(page, `continuous ${n++} ${'x'.repeat(n % 50)}`);
      await page.waitForTimeout(Math.max(0, 400 - ((Date.now() - started) % 400)));
    }
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 60_000 });
    const elapsedMin = (Date.now() - started) / 60_000;
    const written = (await writeBytes(host.child.pid!)) - before;
    const ui = summarize(await page.evaluate(() => performance.getEntriesByName('shotcanvas:save-ui').map((e) => e.duration)));
    emit({
      figure: 'save-ui',
      variant,
      shots: project.shots.length,
      median: round(ui.median),
      p95: round(ui.p95),
      max: round(ui.max),
      saves: ui.count,
      unit: 'ms',
    });
    emit({
      figure: 'bytes-per-minute',
      variant,
      shots: project.shots.length,
      value: round(written / elapsedMin / 1048576),
      projectMB: round(project.bytes / 1048576),
      edits: n,
      unit: 'MB/min',
    });
  } finally {
    await context.close();
    await host.stop();
  }
}
