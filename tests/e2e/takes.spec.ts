import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { SHOT_CARD } from '../../shared/model/shot.ts';
import type { TakeRecord } from '../../shared/model/take.ts';
import { expect, test } from './support/appFixture.ts';
import { centreOf, dropFiles } from './support/canvasDriver.ts';
import {
  addShotAtScreen,
  clickWorld,
  createProject,
  openProjectFromLibrary,
  readProjectData,
  toCanvasPoint,
  waitUntilSaved,
} from './support/workspaceDriver.ts';

const run = promisify(execFile);
const FFMPEG = process.env['SHOTCANVAS_FFMPEG'] ?? '/usr/bin/ffmpeg';

/** One second of a test pattern at 23.976 fps, H.264, starting at timecode 01:00:10:00: 24 frames. */
async function makeClip(dir: string, name: string, source: string): Promise<string> {
  const path = join(dir, name);
  await run(FFMPEG, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `${source}=size=320x180:rate=24000/1001`,
    '-t',
    '1',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-timecode',
    '01:00:10:00',
    path,
  ]);
  return path;
}

type Data = { shots: ShotRecord[]; takes: TakeRecord[] };
const readData = async (workspace: string) => (await readProjectData(workspace, 'Takes')) as unknown as Data;

/** The colour of one pixel of the canvas's world layer at a world point. */
async function canvasPixel(page: Page, world: { x: number; y: number }): Promise<[number, number, number]> {
  const at = await toCanvasPoint(page, world);
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="canvas"] canvas')!;
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, at);
}

const near = (actual: readonly number[], expected: readonly number[], tolerance = 40) => actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);

test('takes: import onto a shot, fork with a seed, trim, defect, verdict, score, circle take on the card, all kept after a reload', async ({ app }) => {
  // Two real imports (copy, hash, probe, poster) and a reload: more than the default minute on CI.
  test.setTimeout(150_000);
  const { page } = app;
  const clipDir = test.info().outputPath('clips');
  await mkdir(clipDir, { recursive: true });
  const [clipA, clipB] = await Promise.all([makeClip(clipDir, 'harbour-a.mp4', 'testsrc'), makeClip(clipDir, 'harbour-b.mp4', 'testsrc2')]);

  await createProject(page, 'Takes');
  await addShotAtScreen(page, { x: 400, y: 300 }, 'Ferry enters the harbour');
  await page.getByRole('textbox', { name: 'Description' }).fill('Wide, dawn light, the ferry glides in from the left.');
  await page.getByRole('textbox', { name: 'Description' }).press('Control+Enter');
  await waitUntilSaved(page);
  const shot = (await readData(app.workspace)).shots[0]!;

  // A clip dropped from the OS onto the card becomes its first take.
  await dropFiles(page, centreOf(shot), [{ name: 'harbour-a.mp4', type: 'video/mp4', base64: (await readFile(clipA)).toString('base64') }]);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('tab', { name: 'Takes (1)' })).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 });

  // The second through the Import media… file chooser.
  const chooser = page.waitForEvent('filechooser');
  await inspector.getByRole('button', { name: 'Import media…' }).click();
  await (await chooser).setFiles(clipB);
  await expect(inspector.getByRole('tab', { name: 'Takes (2)' })).toBeVisible({ timeout: 20_000 });
  const rows = inspector.getByTestId('take-row');
  await expect(rows).toHaveCount(2);

  // Fork T1 with a typed seed: T3 appears under it.
  await inspector.locator('[data-take="T1"]').click();
  await inspector.getByRole('button', { name: 'Fork' }).click();
  await page.getByRole('menuitem', { name: 'A seed I type…' }).click();
  await page.getByRole('textbox', { name: 'New seed' }).fill('12345');
  await page.getByRole('button', { name: 'Fork take' }).click();
  await expect(rows).toHaveCount(3);
  await expect(inspector.getByTestId('take-detail')).toContainText('Forked from T1');

  // T2: trim with I/O on the frame-accurate player.
  await inspector.locator('[data-take="T2"]').click();
  const player = inspector.getByRole('group', { name: /Take player/ });
  await player.click();
  await expect(inspector.getByTestId('take-timecode')).toHaveText('01:00:10:00');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(inspector.getByTestId('take-frame')).toHaveText('3 / 24');
  await expect(inspector.getByTestId('take-timecode')).toHaveText('01:00:10:03');
  await page.keyboard.press('i');
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('o');
  await expect(inspector.getByTestId('trim-in')).toHaveText('01:00:10:03');
  await expect(inspector.getByTestId('trim-out')).toHaveText('01:00:10:13');

  // A defect: armed when added, its range marked with I/O, drawn on the timeline.
  await inspector.getByRole('button', { name: 'Add defect' }).click();
  await page.getByRole('menuitem', { name: 'Flicker' }).click();
  await player.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('i');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('o');
  await expect(inspector.getByTestId('defect-row')).toContainText('Frames 4–6');
  await expect(inspector.getByTestId('defect-band')).toHaveCount(1);
  await inspector.getByRole('combobox', { name: 'Severity' }).selectOption('critical');

  // Verdict and precision score, then C circles the take.
  await inspector.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: 'Select' }).click();
  await inspector.getByRole('radio', { name: 'Precision 4 of 5' }).click();
  await player.click();
  await page.keyboard.press('c');
  await expect(inspector.getByRole('button', { name: 'Selected', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(inspector.locator('[data-take="T2"]')).toHaveAttribute('aria-label', 'T2, selected take');

  // Every edit is one undo step: the score goes back and comes again.
  const four = inspector.getByRole('radio', { name: 'Precision 4 of 5' });
  await page.keyboard.press('Control+z');
  await expect(inspector.getByRole('button', { name: 'Select take', exact: true })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(four).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Control+Shift+Z');
  await page.keyboard.press('Control+Shift+Z');
  await expect(four).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByRole('button', { name: 'Selected', exact: true })).toBeVisible();

  // Shift+F forks the open take with a random seed; Delete in the list removes it, undoably.
  await page.keyboard.press('Shift+F');
  await expect(rows).toHaveCount(4);
  await expect(inspector.getByTestId('take-detail')).toContainText('Forked from T2');
  await inspector.getByRole('listbox', { name: 'Takes' }).focus();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(4);
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(3);
  await inspector.locator('[data-take="T2"]').click();
  await waitUntilSaved(page);

  // The card: "T2 ●" in the select green at the right of its footer.
  const dot = { x: shot.x + SHOT_CARD.width - 12 - 9, y: shot.y + SHOT_CARD.thumbHeight + 39.5 };
  await expect.poll(() => canvasPixel(page, dot).then((rgb) => near(rgb, [0x3e, 0xcf, 0x8e])), { timeout: 10_000 }).toBe(true);

  let data = await readData(app.workspace);
  const byName = new Map(data.takes.map((t) => [`T${t.number}`, t]));
  expect([...byName.keys()].sort()).toEqual(['T1', 'T2', 'T3']);
  const t2 = byName.get('T2')!;
  expect(data.shots[0]!.selectedTakeId).toBe(t2.id);
  expect(byName.get('T3')!.parentTakeId).toBe(byName.get('T1')!.id);
  expect(byName.get('T3')!.recipe.seed).toBe('12345');
  expect(byName.get('T3')!.media).toBeNull();
  expect(t2.media?.frameRate).toEqual({ num: 24000, den: 1001 });
  expect(t2.media?.startTimecode).toBe('01:00:10:00');
  expect([t2.trimIn, t2.trimOut]).toEqual([3, 14]);
  expect(t2.judgement.verdict).toBe('select');
  expect(t2.judgement.score).toBe(4);
  expect(t2.judgement.defects).toMatchObject([{ type: 'flicker', severity: 'critical', startFrame: 4, endFrame: 6 }]);
  expect(t2.judgement.intent).toContain('the ferry glides in');

  // Screenshots of the take list and the detail, for review.
  const dir = join(test.info().project.outputDir, 'screenshots', test.info().project.name);
  await mkdir(dir, { recursive: true });
  await page.mouse.move(10, 10);
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
  await inspector.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/takes.png` });
  await inspector.getByText('Intent vs output').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${dir}/takes-judgement.png` });
  await inspector.getByText('Parameters', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${dir}/takes-recipe.png` });

  // T1's file goes missing from the project folder (moved by hand); copies turn up elsewhere.
  const t1 = byName.get('T1')!;
  await rm(join(app.workspace, 'Takes', t1.media!.path));
  await mkdir(join(app.workspace, 'found', 'wrong'), { recursive: true });
  await copyFile(clipB, join(app.workspace, 'found', 'wrong', 'harbour-a.mp4'));
  await copyFile(clipA, join(app.workspace, 'found', 'harbour-a.mp4'));

  // After a reload everything is still there.
  await page.reload();
  await openProjectFromLibrary(page, 'Takes');
  await clickWorld(page, centreOf(shot));
  await page.keyboard.press('t');
  await expect(inspector.getByRole('tab', { name: 'Takes (3)' })).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.locator('[data-take="T2"]')).toHaveAttribute('aria-label', 'T2, selected take');
  await inspector.locator('[data-take="T2"]').click();
  await expect(inspector.getByTestId('trim-in')).toHaveText('01:00:10:03');
  await expect(inspector.getByTestId('trim-out')).toHaveText('01:00:10:13');
  await expect(inspector.getByRole('radiogroup', { name: 'Verdict' }).getByRole('radio', { name: 'Select' })).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByTestId('defect-row')).toContainText('Frames 4–6');
  data = await readData(app.workspace);
  expect(data.takes).toHaveLength(3);

  // T1: "Media missing" in red, in the list and the detail; a wrong file is refused by its hash.
  await expect(inspector.locator('[data-take="T1"]')).toContainText('Media missing');
  await inspector.locator('[data-take="T1"]').click();
  const missing = inspector.getByTestId('media-missing');
  await expect(missing).toContainText('Media missing');
  await page.mouse.move(10, 10);
  await page.screenshot({ path: `${dir}/takes-missing.png` });
  const relink = async (...folders: string[]) => {
    await missing.getByRole('button', { name: 'Relink…' }).click();
    const picker = page.getByRole('dialog', { name: 'Find harbour-a.mp4' });
    for (const folder of folders) await picker.getByRole('option', { name: new RegExp(`^${folder}`) }).dblclick();
    await picker.getByRole('option', { name: /harbour-a\.mp4/ }).click();
    await picker.getByRole('button', { name: 'Relink' }).click();
  };
  await relink('found', 'wrong');
  await expect(missing.getByTestId('relink-error')).toContainText('is not the missing file');
  await relink('found');
  await expect(missing).toBeHidden({ timeout: 15_000 });
  await expect(inspector.getByRole('group', { name: /Take player/ })).toBeVisible();
  await expect(inspector.locator('[data-take="T1"]')).not.toContainText('Media missing');
});
