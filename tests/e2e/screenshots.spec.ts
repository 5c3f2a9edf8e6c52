import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/appFixture.ts';
import { addShotAtScreen, backToLibrary, createProject, waitUntilSaved } from './support/workspaceDriver.ts';

/**
 * Screenshots of the real app for review (test-results/screenshots/). Also a layout check: the
 * chrome is where UI.md puts it and nothing overlaps the canvas.
 */
const SHOTS = [
  {
    title: 'Wide: the house at dusk',
    description: 'Establishing. Last light behind the hills; the porch light flickers on.',
    size: 'EWS',
    lens: '24mm',
    status: 'Approved',
  },
  {
    title: 'Mara walks up the path',
    description: 'Tracking with her from behind, gravel crunching, she slows near the door.',
    size: 'MS',
    lens: '35mm',
    status: 'In review',
  },
  { title: 'Door opens slowly', description: 'Insert. The door swings in on its own. Darkness inside.', size: 'CU', lens: '50mm', status: 'Planned' },
  { title: 'CU: Mara hesitates', description: 'Her breath fogs. She looks past camera into the hallway.', size: 'CU', lens: '85mm', status: 'Generating' },
];

test('workspace and library screenshots', async ({ app }) => {
  const { page } = app;
  const dir = join(test.info().project.outputDir, 'screenshots', test.info().project.name);
  await mkdir(dir, { recursive: true });
  await createProject(page, 'Nightfall – Teaser');
  for (const [i, shot] of SHOTS.entries()) {
    await addShotAtScreen(page, { x: 230 + (i % 3) * 290, y: 200 + Math.floor(i / 3) * 260 }, shot.title);
    await page.getByRole('textbox', { name: 'Description' }).fill(shot.description);
    await page.getByRole('textbox', { name: 'Shot size' }).fill(shot.size);
    await page.getByRole('textbox', { name: 'Lens' }).fill(shot.lens);
    await page.getByRole('textbox', { name: 'Lens' }).press('Enter');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: shot.status });
  }
  await page.getByRole('textbox', { name: 'Duration in frames' }).fill('96');
  await page.getByRole('textbox', { name: 'Duration in frames' }).press('Enter');
  await waitUntilSaved(page);

  const toolbar = (await page.getByRole('toolbar', { name: 'Project toolbar' }).boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const inspector = (await page.getByRole('complementary', { name: 'Inspector' }).boundingBox())!;
  expect(toolbar.height).toBe(40);
  expect(canvas.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(inspector.x + 1);
  expect(inspector.width).toBe(320);
  await page.screenshot({ path: `${dir}/workspace.png` });

  await backToLibrary(page);
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('dialog').getByRole('textbox').fill('Second Unit');
  await page.screenshot({ path: `${dir}/library-new-project.png` });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${dir}/library.png` });
});
