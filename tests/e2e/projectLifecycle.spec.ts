import type { Page } from '@playwright/test';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { projectDatabaseName } from '../../shared/identity.ts';
import { expect, test } from './support/appFixture.ts';
import type { ProjectFileShot } from './support/workspaceDriver.ts';
import {
  addShotAtScreen,
  backToLibrary,
  clickWorld,
  createProject,
  dragWorld,
  openProjectFromLibrary,
  readProjectShots,
  waitUntilSaved,
} from './support/workspaceDriver.ts';

const TITLES = ['Wide: the house at dusk', 'Door opens slowly', 'CU: Mara hesitates'];
const centre = (shot: ProjectFileShot) => ({ x: shot.x + SHOT_CARD.width / 2, y: shot.y + SHOT_CARD_HEIGHT / 2 });

async function expectShotUnder(page: Page, shot: ProjectFileShot, title: string) {
  await clickWorld(page, centre(shot));
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
}

test('create a project, add, edit and move shots; they survive a reload and a host restart', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Nightfall Teaser');
  await expect(page.getByText('Double-click anywhere')).toBeVisible();

  for (const [i, title] of TITLES.entries()) await addShotAtScreen(page, { x: 260 + i * 300, y: 260 }, title);
  await expect(page.getByTestId('shot-count')).toHaveText('3 shots');

  // Edit in the inspector (the third shot is still selected).
  await page.getByRole('textbox', { name: 'Description' }).fill('She stops at the threshold.');
  await page.getByRole('textbox', { name: 'Lens' }).click();
  await page.getByRole('textbox', { name: 'Lens' }).fill('85mm');
  await page.getByRole('textbox', { name: 'Lens' }).press('Enter');

  // Move the second shot 300 units down.
  await waitUntilSaved(page);
  const before = await readProjectShots(app.workspace, 'Nightfall Teaser');
  const second = before.find((s) => s.title === TITLES[1])!;
  await dragWorld(page, centre(second), { x: centre(second).x, y: centre(second).y + 300 });
  await waitUntilSaved(page);

  const saved = await readProjectShots(app.workspace, 'Nightfall Teaser');
  expect(saved.map((s) => s.title).sort()).toEqual([...TITLES].sort());
  const moved = saved.find((s) => s.title === TITLES[1])!;
  expect(moved.y).toBe(second.y + 300);
  expect(moved.x).toBe(second.x);
  const third = saved.find((s) => s.title === TITLES[2])!;
  expect(third.description).toBe('She stops at the threshold.');

  // Reload the page: back in the library; reopen and everything is there.
  await page.reload();
  await openProjectFromLibrary(page, 'Nightfall Teaser');
  await expect(page.getByTestId('shot-count')).toHaveText('3 shots');
  await expectShotUnder(page, moved, TITLES[1]!);
  await expectShotUnder(page, third, TITLES[2]!);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('She stops at the threshold.');
  await expect(page.getByRole('textbox', { name: 'Lens' })).toHaveValue('85mm');

  // Restart the host (a new process; same data).
  await app.restart();
  await openProjectFromLibrary(app.page, 'Nightfall Teaser');
  await expect(app.page.getByTestId('shot-count')).toHaveText('3 shots');
  await expectShotUnder(app.page, moved, TITLES[1]!);
});

test('a project whose IndexedDB is gone is restored from the project folder', async ({ app }) => {
  const { page } = app;
  await createProject(page, 'Restore Me');
  for (const [i, title] of TITLES.entries()) await addShotAtScreen(page, { x: 260 + i * 300, y: 300 }, title);
  await waitUntilSaved(page);
  const shots = await readProjectShots(app.workspace, 'Restore Me');
  expect(shots).toHaveLength(3);
  const projectId = JSON.parse(await (await import('node:fs/promises')).readFile(`${app.workspace}/Restore Me/project.json`, 'utf8')).projectId as string;

  // Delete this project's database while the project is closed, then reopen.
  await backToLibrary(page);
  const deleted = await page.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => resolve('error');
        request.onblocked = () => resolve('blocked');
      }),
    projectDatabaseName(projectId),
  );
  expect(deleted).toBe('deleted');
  await openProjectFromLibrary(page, 'Restore Me');
  await expect(page.getByText('Restored from the project folder')).toBeVisible();
  await expect(page.getByTestId('shot-count')).toHaveText('3 shots');
  await expectShotUnder(page, shots[0]!, shots[0]!.title);

  // A whole new browser profile (no IndexedDB at all) gets the same project back.
  await app.restartWithEmptyBrowserStorage();
  await openProjectFromLibrary(app.page, 'Restore Me');
  await expect(app.page.getByTestId('shot-count')).toHaveText('3 shots');
  await expectShotUnder(app.page, shots[2]!, shots[2]!.title);
});
