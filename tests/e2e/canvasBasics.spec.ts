import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { expect, test } from './support/appFixture.ts';
import { addShotAtScreen, camera, createProject, readProjectShots, toCanvasPoint, waitUntilSaved } from './support/workspaceDriver.ts';

test('wheel zooms at the pointer; space-drag and middle-drag pan; S adds and Delete removes a shot', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Canvas Basics');
  await addShotAtScreen(page, { x: 400, y: 300 }, 'Anchor');
  await waitUntilSaved(page);
  const [anchor] = await readProjectShots(app.workspace, 'Canvas Basics');
  const centre = { x: anchor!.x + SHOT_CARD.width / 2, y: anchor!.y + SHOT_CARD_HEIGHT / 2 };
  const box = (await page.getByTestId('canvas').boundingBox())!;

  // Zoom in with the wheel over the card's centre: that world point stays under the pointer.
  const before = await toCanvasPoint(page, centre);
  await page.mouse.move(box.x + before.x, box.y + before.y);
  // Three mouse-wheel notches.
  for (let i = 0; i < 3; i += 1) await page.mouse.wheel(0, -100);
  await expect.poll(async () => (await camera(page)).zoom).toBeGreaterThan(1.8);
  const after = await toCanvasPoint(page, centre);
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  expect(Math.abs(after.y - before.y)).toBeLessThan(1);
  await expect(page.getByTestId('zoom-readout')).not.toHaveText('100%');

  // Space + drag pans by exactly the pointer movement.
  const start = await camera(page);
  await page.keyboard.down('Space');
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 420, box.y + 250, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  const panned = await camera(page);
  expect(panned.x - start.x).toBeCloseTo(120, 0);
  expect(panned.y - start.y).toBeCloseTo(-50, 0);

  // Middle-button drag pans too, and does not move the card under it.
  const mid = await toCanvasPoint(page, centre);
  await page.mouse.move(box.x + mid.x, box.y + mid.y);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(box.x + mid.x - 80, box.y + mid.y + 40, { steps: 4 });
  await page.mouse.up({ button: 'middle' });
  const panned2 = await camera(page);
  expect(panned2.x - panned.x).toBeCloseTo(-80, 0);
  expect(panned2.y - panned.y).toBeCloseTo(40, 0);

  // S adds a shot at the centre of the view and starts editing its title.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('s');
  const editor = page.getByRole('textbox', { name: 'Shot title' });
  await expect(editor).toBeFocused();
  await editor.fill('Added with S');
  await editor.press('Enter');
  await expect(page.getByTestId('shot-count')).toHaveText('2 shots');

  // Delete removes the selected (new) shot; the anchor stays where it was.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
  await waitUntilSaved(page);
  const remaining = await readProjectShots(app.workspace, 'Canvas Basics');
  expect(remaining.map((s) => [s.title, s.x, s.y])).toEqual([['Anchor', anchor!.x, anchor!.y]]);
});
