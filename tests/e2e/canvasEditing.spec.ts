import { SHOT_CARD } from '../../shared/model/shot.ts';
import { expect, test } from './support/appFixture.ts';
import { centreOf, dragWorldWith, dropFiles, expectSelectedCount, marquee } from './support/canvasDriver.ts';
import { camera, createProject, pressMod, readProjectData, toCanvasPoint, waitUntilSaved } from './support/workspaceDriver.ts';
import { addShotAtScreen } from './support/workspaceDriver.ts';

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('marquee, drag with snapping, undo and redo of a drag and a text edit', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Editing');
  await addShotAtScreen(page, { x: 250, y: 250 }, 'One');
  await addShotAtScreen(page, { x: 600, y: 450 }, 'Two');
  await waitUntilSaved(page);
  let data = await readProjectData(app.workspace, 'Editing');
  const one = data.shots.find((s) => s.title === 'One')!;
  const two = data.shots.find((s) => s.title === 'Two')!;

  // Marquee around both cards selects both.
  const a = await toCanvasPoint(page, { x: Math.min(one.x, two.x) - 30, y: Math.min(one.y, two.y) - 30 });
  const b = await toCanvasPoint(page, { x: Math.max(one.x, two.x) + SHOT_CARD.width + 30, y: Math.max(one.y, two.y) + 230 });
  await marquee(page, a, b);
  await expectSelectedCount(page, 2);

  // Drag "Two" so its left edge lands 4 units right of "One"'s left edge: it snaps to it.
  await page.keyboard.press('Escape');
  await dragWorldWith(page, centreOf(two), { x: centreOf(two).x - (two.x - one.x) + 4, y: centreOf(two).y });
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Editing');
  expect(data.shots.find((s) => s.title === 'Two')!.x).toBe(one.x);

  // A text edit, then undo twice (text, then drag) and redo once.
  await page.getByRole('textbox', { name: 'Title' }).fill('Two (renamed)');
  await page.getByRole('textbox', { name: 'Title' }).press('Enter');
  await page.getByTestId('canvas').focus();
  await pressMod(page, 'z');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Two');
  await pressMod(page, 'z');
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Editing');
  expect(data.shots.find((s) => s.title === 'Two')!.x).toBe(two.x);
  await page.keyboard.press('Control+Shift+Z');
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Editing');
  expect(data.shots.find((s) => s.title === 'Two')!.x).toBe(one.x);
});

test('scenes: from selection, moving a scene moves its shots, a dropped shot joins, numbers follow', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Scenes');
  await addShotAtScreen(page, { x: 250, y: 250 }, 'Wide');
  await addShotAtScreen(page, { x: 560, y: 250 }, 'Close');
  await addShotAtScreen(page, { x: 300, y: 560 }, 'Outside');
  await waitUntilSaved(page);
  let data = await readProjectData(app.workspace, 'Scenes');
  const [wide, close] = ['Wide', 'Close'].map((t) => data.shots.find((s) => s.title === t)!);
  await page.mouse.click(
    (await page.getByTestId('canvas').boundingBox())!.x + (await toCanvasPoint(page, centreOf(wide!))).x,
    (await page.getByTestId('canvas').boundingBox())!.y + (await toCanvasPoint(page, centreOf(wide!))).y,
  );
  await page.keyboard.down('Shift');
  const cb = await page.getByTestId('canvas').boundingBox();
  const cp = await toCanvasPoint(page, centreOf(close!));
  await page.mouse.click(cb!.x + cp.x, cb!.y + cp.y);
  await page.keyboard.up('Shift');
  await expectSelectedCount(page, 2);
  await pressMod(page, 'g');
  await expect(page.getByRole('textbox', { name: 'Scene number' })).toHaveValue('1');
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Scenes');
  expect(data.scenes).toHaveLength(1);
  const scene = data.scenes[0]!;
  expect(
    data.shots
      .filter((s) => s.sceneId === scene.id)
      .map((s) => s.title)
      .sort(),
  ).toEqual(['Close', 'Wide']);

  // Drag the scene by its header: its shots move with it.
  await dragWorldWith(page, { x: scene.x + 30, y: scene.y + 20 }, { x: scene.x + 30 + 100, y: scene.y + 20 + 50 });
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Scenes');
  expect(data.scenes[0]!.x).toBe(scene.x + 100);
  expect(data.shots.find((s) => s.title === 'Wide')!.x).toBe(wide!.x + 100);

  // Drop "Outside" into the scene: it joins, and the numbers are 1A, 1B, 1C in cut order.
  const moved = data.scenes[0]!;
  const outside = data.shots.find((s) => s.title === 'Outside')!;
  await page.keyboard.press('Escape');
  await dragWorldWith(page, centreOf(outside), { x: moved.x + moved.width / 2, y: moved.y + moved.height - 40 });
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Scenes');
  expect(data.shots.find((s) => s.title === 'Outside')!.sceneId).toBe(scene.id);
  await expect(page.getByRole('listbox', { name: /sequence|cut/i })).toContainText('1C');
});

test('storyboard images dropped from the OS become shots with frames, or the frame of the card under them', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Frames');
  const at = await camera(page);
  void at;
  await dropFiles(page, { x: 300, y: 300 }, [
    { name: 'board-01.png', type: 'image/png', base64: PNG_1x1 },
    { name: 'board-02.png', type: 'image/png', base64: PNG_1x1 },
  ]);
  await expect(page.getByTestId('shot-count')).toHaveText('2 shots');
  await waitUntilSaved(page);
  let data = await readProjectData(app.workspace, 'Frames');
  expect(data.shots.map((s) => s.title).sort()).toEqual(['board-01', 'board-02']);
  expect(data.shots.every((s) => s.frame !== null && s.frame.path.startsWith('media/'))).toBe(true);

  await addShotAtScreen(page, { x: 900, y: 200 }, 'Needs a frame');
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Frames');
  const target = data.shots.find((s) => s.title === 'Needs a frame')!;
  await dropFiles(page, centreOf(target), [{ name: 'frame.png', type: 'image/png', base64: PNG_1x1 }]);
  // The import is asynchronous (bytes go to the folder first), so the save indicator can still
  // read "Saved" for a moment after the drop: wait for the folder itself to have the frame.
  await expect
    .poll(async () => (await readProjectData(app.workspace, 'Frames')).shots.find((s) => s.title === 'Needs a frame')?.frame?.path ?? null, { timeout: 15_000 })
    .toMatch(/^media\//);
  data = await readProjectData(app.workspace, 'Frames');
  expect(data.shots).toHaveLength(3);

  // A text file is refused with a message and changes nothing.
  await dropFiles(page, { x: 1200, y: 900 }, [{ name: 'notes.png', type: 'image/png', base64: btoa('not really a png') }]);
  await expect(page.getByText(/Could not import notes\.png/)).toBeVisible();
  await expect(page.getByTestId('shot-count')).toHaveText('3 shots');
});

test('notes, arrows, duplicate, the minimap, search and the shortcuts overlay', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Tools');
  await addShotAtScreen(page, { x: 250, y: 250 }, 'From');
  await addShotAtScreen(page, { x: 650, y: 250 }, 'To');
  await waitUntilSaved(page);
  let data = await readProjectData(app.workspace, 'Tools');
  const from = data.shots.find((s) => s.title === 'From')!;
  const to = data.shots.find((s) => s.title === 'To')!;

  // N, click: a sticky note with text.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('n');
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.click(box.x + 300, box.y + 600);
  await page.getByRole('textbox', { name: 'Note text' }).fill('Remember the rain machine');
  await page.getByRole('textbox', { name: 'Note text' }).press('Control+Enter');

  // A, drag from one card to the other: an arrow.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('a');
  await dragWorldWith(page, centreOf(from), centreOf(to));
  await waitUntilSaved(page);
  data = await readProjectData(app.workspace, 'Tools');
  expect(data.notes.map((n) => n.text)).toEqual(['Remember the rain machine']);
  expect(data.arrows).toEqual([expect.objectContaining({ fromId: from.id, toId: to.id })]);

  // Select "To", duplicate: a new shot, offset.
  const p = await toCanvasPoint(page, centreOf(to));
  await page.mouse.click(box.x + p.x, box.y + p.y);
  await pressMod(page, 'd');
  await expect(page.getByTestId('shot-count')).toHaveText('3 shots');

  // Search: two matches for "o", stepping with Enter.
  await pressMod(page, 'f');
  await page.getByRole('textbox', { name: /search/i }).fill('To');
  await expect(page.getByText(/1 of 2/)).toBeVisible();

  await page.keyboard.press('Escape');
  // The minimap moves the view where it is clicked.
  const before = await camera(page);
  const minimap = page.getByLabel('Minimap').first();
  const mm = (await minimap.boundingBox())!;
  await page.mouse.click(mm.x + 10, mm.y + 10);
  await expect.poll(async () => (await camera(page)).x).not.toBe(before.x);

  // ? lists the shortcuts.
  await page.getByTestId('canvas').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('Undo');
  await page.keyboard.press('Escape');
});
