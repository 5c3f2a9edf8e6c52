import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/appFixture.ts';
import { addShotAtScreen, createProject, pressMod, readProjectData, waitUntilSaved } from './support/workspaceDriver.ts';

test('the sequence strip reorders the cut by drag; one shot gets a new order key', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Cut Order');
  for (const [i, title] of ['Alpha', 'Bravo', 'Charlie'].entries()) await addShotAtScreen(page, { x: 220 + i * 280, y: 220 }, title);
  await waitUntilSaved(page);
  const before = await readProjectData(app.workspace, 'Cut Order');
  const strip = page.getByRole('listbox', { name: 'Shots in cut order' });
  const items = strip.getByRole('option');
  await expect(items).toHaveCount(3);

  // Drag "Charlie" (third) before "Alpha" (first).
  const charlie = (await items.nth(2).boundingBox())!;
  const alpha = (await items.nth(0).boundingBox())!;
  await page.mouse.move(charlie.x + charlie.width / 2, charlie.y + charlie.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1)
    await page.mouse.move(charlie.x + charlie.width / 2 + ((alpha.x + 4 - (charlie.x + charlie.width / 2)) * i) / 10, alpha.y + alpha.height / 2);
  await page.mouse.up();
  await waitUntilSaved(page);

  const after = await readProjectData(app.workspace, 'Cut Order');
  const cut = [...after.shots].sort((a, b) => (a.order < b.order ? -1 : 1)).map((s) => s.title);
  expect(cut).toEqual(['Charlie', 'Alpha', 'Bravo']);
  const changed = after.shots.filter((s) => before.shots.find((b) => b.id === s.id)!.order !== s.order);
  expect(changed.map((s) => s.title)).toEqual(['Charlie']);
  await expect(items.first()).toContainText('Charlie');
});

test('screenshots of the canvas at three zoom levels', async ({ app }) => {
  const { page } = app;
  const dir = join(test.info().project.outputDir, 'screenshots', test.info().project.name);
  await mkdir(dir, { recursive: true });
  await createProject(page, 'Zoom Levels');
  for (let i = 0; i < 6; i += 1) await addShotAtScreen(page, { x: 200 + (i % 3) * 280, y: 180 + Math.floor(i / 3) * 250 }, `Shot ${i + 1}`);
  await page.getByTestId('canvas').focus();
  await pressMod(page, 'a');
  await pressMod(page, 'g');
  await waitUntilSaved(page);
  expect((await readProjectData(app.workspace, 'Zoom Levels')).scenes).toHaveLength(1);
  await page.keyboard.press('Escape');
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('f');
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-lod', 'near');
  await page.screenshot({ path: `${dir}/canvas-near.png` });
  // Zoom out one step at a time until each level of detail takes over.
  const zoomOutUntil = async (lod: string) => {
    for (let i = 0; i < 12 && (await page.getByTestId('canvas').getAttribute('data-lod')) !== lod; i += 1) {
      await page.keyboard.press('-');
      await page.waitForTimeout(150);
    }
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-lod', lod);
  };
  await zoomOutUntil('mid');
  await page.screenshot({ path: `${dir}/canvas-mid.png` });
  await zoomOutUntil('far');
  await page.screenshot({ path: `${dir}/canvas-far.png` });
});
