import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { TakeRecord } from '../../shared/model/take.ts';
import { expect, test } from './support/appFixture.ts';
import { centreOf } from './support/canvasDriver.ts';
import { seedTakeProject } from './support/takeProject.ts';
import { clickWorld, openProjectFromLibrary, readProjectData, waitUntilSaved } from './support/workspaceDriver.ts';

/** The frame each <video> of the compare view shows (its currentTime at 24 fps), once no seek is pending. */
async function videoFrames(compare: Locator): Promise<number[] | null> {
  return compare.locator('video').evaluateAll((videos) => {
    const list = videos as HTMLVideoElement[];
    if (list.some((v) => v.seeking || v.readyState < 2)) return null;
    return list.map((v) => Math.floor(v.currentTime * 24 + 1e-3));
  });
}

test('compare two takes, pick a select, see the hit rate change, and find rejected takes with identity drift', async ({ app }) => {
  const { page } = app;
  const shotsDir = join(test.info().project.outputDir, 'screenshots', test.info().project.name);
  await mkdir(shotsDir, { recursive: true });
  const seeded = await seedTakeProject(app.workspace, 'Harbour Takes');
  await page.reload();
  await openProjectFromLibrary(page, 'Harbour Takes');
  // The opening notice would sit over the screenshots: dismiss it (a modal view blocks clicks on it later).
  for (const close of await page.locator('[data-sonner-toast] [data-close-button]').all()) await close.click();
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0);

  // Metrics before: one circle take (the lighthouse) of five generated takes.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('Shift+M');
  const metrics = page.getByTestId('metrics-view');
  await expect(metrics.getByTestId('kpi-hit-rate')).toContainText('20%');
  await expect(metrics.getByTestId('kpi-hit-rate')).toContainText('1 select of 5 generated');
  await page.keyboard.press('Escape');
  await expect(metrics).toBeHidden();

  // Compare the ferry shot's takes: two synced players and a recipe diff showing only the seed.
  await clickWorld(page, centreOf(seeded.shots.ferry));
  await page.keyboard.press('Shift+C');
  const compare = page.getByTestId('compare-view');
  await expect(compare.getByTestId('compare-pane')).toHaveCount(2);
  await expect(compare.getByRole('heading', { name: /Compare takes · Shot 1A · Ferry enters the harbour/ })).toBeVisible();
  const diff = compare.getByTestId('recipe-diff');
  await expect(diff.locator('tbody tr')).toHaveCount(1);
  const seedRow = diff.locator('tr[data-field="seed"]');
  await expect(seedRow.locator('th')).toHaveText('Seed');
  await expect(seedRow.locator('td')).toHaveText(['1234', '5678']);
  await expect(seedRow.locator('td[data-differs]')).toHaveText('5678');
  await expect(compare.getByTestId('pane-verdict').first()).toContainText('Hold');
  await expect(compare.getByTestId('compare-pane').first()).toContainText('Score 3/5');

  // One transport: frame steps move both players to the same exact frame.
  await expect.poll(() => videoFrames(compare)).toEqual([0, 0]);
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(compare.getByTestId('compare-frame')).toHaveAttribute('data-frame', '3');
  for (const pane of await compare.getByTestId('compare-pane').all()) await expect(pane).toHaveAttribute('data-frame', '3');
  await expect.poll(() => videoFrames(compare)).toEqual([3, 3]);
  // Play, pause: both land on the frame the transport shows.
  await page.keyboard.press('Space');
  await page.waitForTimeout(400);
  await page.keyboard.press('Space');
  const stopped = Number(await compare.getByTestId('compare-frame').getAttribute('data-frame'));
  expect(stopped).toBeGreaterThan(3);
  await expect.poll(() => videoFrames(compare)).toEqual([stopped, stopped]);
  // End and Shift+← land exactly.
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(compare.getByTestId('compare-frame')).toHaveAttribute('data-frame', '37');
  await expect.poll(() => videoFrames(compare)).toEqual([37, 37]);

  // "Select this take" on T2: circle take and verdict in one edit.
  const second = compare.getByRole('region', { name: 'Take 2' });
  await second.getByRole('button', { name: 'Select this take' }).click();
  await expect(second.getByTestId('circle-badge')).toBeVisible();
  await expect(second.getByTestId('pane-verdict')).toContainText('Select');
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => videoFrames(compare)).toEqual([20, 20]);
  await page.screenshot({ path: `${shotsDir}/compare.png` });
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await waitUntilSaved(page);
  const data = (await readProjectData(app.workspace, 'Harbour Takes')) as unknown as {
    shots: Array<{ id: string; selectedTakeId: string | null }>;
    takes: TakeRecord[];
  };
  expect(data.shots.find((s) => s.id === seeded.shots.ferry.id)!.selectedTakeId).toBe(seeded.takes.ferry2.id);
  expect(data.takes.find((t) => t.id === seeded.takes.ferry2.id)!.judgement.verdict).toBe('select');

  // Metrics after: two selects of five.
  await page.keyboard.press('Shift+M');
  await expect(metrics.getByTestId('kpi-hit-rate')).toContainText('40%');
  await expect(metrics.getByTestId('kpi-hit-rate')).toContainText('2 selects of 5 generated');
  await expect(metrics.getByRole('img', { name: 'Defects by type, per model' })).toBeVisible();
  await page.screenshot({ path: `${shotsDir}/metrics.png` });
  // Every chart has its table behind it.
  const defects = metrics.getByRole('region', { name: 'Defect frequency by model' });
  await defects.getByRole('radio', { name: 'Table' }).click();
  await expect(defects.locator('tbody tr')).toHaveCount(2);
  // kling-v2.1: three takes, two defects (identity drift and flicker on Léa T1).
  await expect(defects.locator('tbody tr').filter({ hasText: 'kling-v2.1' }).locator('td')).toHaveText(['3', '2', '0.67', '1', '1']);
  await page.keyboard.press('Escape');
  await expect(metrics).toBeHidden();

  // Take query: rejected takes with identity drift highlight the Léa shot only.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('Control+Shift+F');
  const panel = page.getByTestId('take-query-panel');
  await panel.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(panel.getByTestId('take-query-summary')).toContainText('2 takes on 1 shot');
  await panel.getByRole('button', { name: 'Identity drift', exact: true }).click();
  await expect(panel.getByTestId('take-query-summary')).toContainText('1 take on 1 shot');
  await expect(panel).toHaveAttribute('data-highlighted', seeded.shots.lea.id);
  await page.screenshot({ path: `${shotsDir}/take-query.png` });
  await panel.getByTestId('take-result').click();
  await expect(page.getByRole('option', { name: /Léa on the pier/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('option', { name: /Ferry enters the harbour/ })).toHaveAttribute('aria-selected', 'false');
});
