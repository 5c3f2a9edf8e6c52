import type { Browser, Page } from 'playwright';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { startWebHostProcess } from '../e2e/support/webHostProcess.ts';
import type { BenchProject } from './generateProject.ts';
import { round, summarize } from './stats.ts';

export interface CanvasBenchOptions {
  readonly browser: Browser;
  readonly workspace: string;
  readonly dataDir: string;
  readonly project: BenchProject;
  readonly variant: 'shotcanvas' | 'baseline';
  readonly frames: number;
  readonly emit: (figure: Record<string, unknown>) => void;
}

interface BenchWindow {
  __shotcanvasBench?: {
    camera: {
      camera: { x: number; y: number; zoom: number };
      viewport: { width: number; height: number };
      set(c: { x: number; y: number; zoom: number }): void;
    };
    selection: { set(ids: Iterable<string>): void };
    drag: { start(x: number, y: number): void; move(x: number, y: number): void; end(x: number, y: number): void };
  };
}

/** Runs `step(i)` once per animation frame for `frames` frames; returns each frame's duration. */
async function frameTimes(page: Page, frames: number, script: string): Promise<number[]> {
  return page.evaluate(
    async ({ frames, script }) => {
      const step = new Function('i', 'bench', script) as (i: number, bench: unknown) => void;
      const bench = (window as unknown as BenchWindow).__shotcanvasBench!;
      const times: number[] = [];
      await new Promise((r) => requestAnimationFrame(r));
      let last = performance.now();
      for (let i = 0; i < frames; i += 1) {
        step(i, bench);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    },
    { frames, script },
  );
}

/** Puts the camera at `zoom`, centred on the middle of the project. */
function centreScript(zoom: number, worldX: number, worldY: number): string {
  return `const c = bench.camera; const v = c.viewport; c.set({ zoom: ${zoom}, x: v.width / 2 - ${worldX} * ${zoom}, y: v.height / 2 - ${worldY} * ${zoom} });`;
}

/**
 * The canvas at scale in Chromium through the web host: time to the first frame after opening,
 * frame times while panning and zooming at three zoom levels and while dragging 200 selected
 * cards, and the JS heap after open — for Shotcanvas and for the naive react-konva baseline.
 */
export async function runCanvasBench(options: CanvasBenchOptions): Promise<void> {
  const { browser, project, variant } = options;
  // The naive baseline takes seconds per frame at 10,000 cards: fewer frames say enough about it.
  const frames = variant === 'baseline' ? Math.min(options.frames, 20) : options.frames;
  const emit = (figure: Record<string, unknown>) => options.emit({ ...figure, ...(figure['unit'] === 'ms' && figure['figure'] !== 'open' ? { frames } : {}) });
  const shots = project.shots.length;
  const host = await startWebHostProcess({ workspace: options.workspace, dataDir: options.dataDir });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((mode) => localStorage.setItem('shotcanvas.bench.canvas', mode), variant === 'baseline' ? 'naive' : 'shotcanvas');
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    const name = project.dir.split('/').pop()!;
    const open = page.getByRole('button', { name: `Open ${name}` });
    await open.waitFor({ timeout: 60_000 });
    const clickedAt = await page.evaluate(() => performance.now());
    await open.click();
    await page.waitForFunction(
      () => performance.getEntriesByName('shotcanvas:first-frame').length > 0 && (window as unknown as BenchWindow).__shotcanvasBench !== undefined,
      null,
      { timeout: 600_000 },
    );
    // The first frame is drawn on the animation frame after the camera is set.
    const openMs = await page.evaluate(async (start) => {
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, clickedAt);
    emit({ figure: 'open', variant, shots, median: round(openMs), p95: round(openMs), max: round(openMs), unit: 'ms' });

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    emit({
      figure: 'heap',
      variant,
      shots,
      median: round(heap.usedSize / 1048576),
      p95: round(heap.usedSize / 1048576),
      max: round(heap.usedSize / 1048576),
      unit: 'MB',
    });

    // World centre of the project and the three zoom levels of the issue.
    const xs = project.shots.map((s) => s.x);
    const ys = project.shots.map((s) => s.y);
    const cx = (Math.min(...xs) + Math.max(...xs) + SHOT_CARD.width) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys) + SHOT_CARD_HEIGHT) / 2;
    const allZoom = Math.min(
      1440 / (Math.max(...xs) - Math.min(...xs) + SHOT_CARD.width + 200),
      860 / (Math.max(...ys) - Math.min(...ys) + SHOT_CARD_HEIGHT + 200),
    );
    const levels = [
      { label: 'near', zoom: 210 / SHOT_CARD.width },
      { label: 'mid', zoom: 40 / SHOT_CARD.width },
      { label: 'all', zoom: allZoom },
    ];
    for (const level of levels) {
      await frameTimes(page, 1, centreScript(level.zoom, cx, cy));
      await page.waitForTimeout(400); // let lazy work (near cards, caches) settle, as a user pauses
      const pan = await frameTimes(
        page,
        frames,
        `const c = bench.camera.camera; bench.camera.set({ ...c, x: c.x + (i % 120 < 60 ? 9 : -9), y: c.y + (i % 80 < 40 ? 4 : -4) });`,
      );
      const p = summarize(pan);
      emit({ figure: `pan-${level.label}`, variant, shots, median: round(p.median), p95: round(p.p95), max: round(p.max), unit: 'ms' });
      await frameTimes(page, 1, centreScript(level.zoom, cx, cy));
      await page.waitForTimeout(400);
      const zoom = await frameTimes(
        page,
        frames,
        `const c = bench.camera.camera; const v = bench.camera.viewport; const f = i % 40 < 20 ? 1.012 : 1 / 1.012; const px = v.width / 2, py = v.height / 2; const wx = (px - c.x) / c.zoom, wy = (py - c.y) / c.zoom; const z = c.zoom * f; bench.camera.set({ zoom: z, x: px - wx * z, y: py - wy * z });`,
      );
      const z = summarize(zoom);
      emit({ figure: `zoom-${level.label}`, variant, shots, median: round(z.median), p95: round(z.p95), max: round(z.max), unit: 'ms' });
    }

    // Drag 200 selected cards at the mid zoom level (about 40 px cards: 200 fit on screen).
    const midZoom = levels[1]!.zoom;
    const nearest = [...project.shots].sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy)).slice(0, 200);
    const grab = nearest[0]!;
    await frameTimes(page, 1, centreScript(midZoom, cx, cy));
    await page.evaluate(
      (ids) => (window as unknown as BenchWindow).__shotcanvasBench!.selection.set(ids),
      nearest.map((s) => s.id),
    );
    await page.waitForTimeout(300);
    const gx = grab.x + SHOT_CARD.width / 2;
    const gy = grab.y + SHOT_CARD_HEIGHT / 2;
    await page.evaluate(({ gx, gy }) => (window as unknown as BenchWindow).__shotcanvasBench!.drag.start(gx, gy), { gx, gy });
    const drag = await frameTimes(page, frames, `bench.drag.move(${gx} + (i + 1) * 6, ${gy} + (i + 1) * 2);`);
    await page.evaluate(({ x, y }) => (window as unknown as BenchWindow).__shotcanvasBench!.drag.end(x, y), { x: gx + frames * 6, y: gy + frames * 2 });
    const d = summarize(drag);
    emit({ figure: 'drag-200', variant, shots, median: round(d.median), p95: round(d.p95), max: round(d.max), unit: 'ms' });
  } catch (error) {
    // A crashed or hung baseline tab is a result, not a reason to lose the other figures.
    if (variant !== 'baseline') throw error;
    emit({ figure: 'aborted', variant, shots, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  } finally {
    await context.close().catch(() => undefined);
    await host.stop();
  }
}
