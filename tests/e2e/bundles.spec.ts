import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/appFixture.ts';
import { addShotAtScreen, backToLibrary, createProject, readProjectShots, waitUntilSaved } from './support/workspaceDriver.ts';

test('export a project bundle and import it back as a new project', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the desktop app uses native save/open dialogs here');
  const { page } = app;
  await createProject(page, 'Bundle Me');
  await addShotAtScreen(page, { x: 300, y: 300 }, 'Travels in the bundle');
  await waitUntilSaved(page);
  await backToLibrary(page);

  await page.getByRole('button', { name: 'Actions for Bundle Me' }).click();
  await page.getByRole('menuitem', { name: 'Export bundle…' }).click();
  await expect(page.getByText('Exported "Bundle Me"')).toBeVisible();
  const exported = (await readdir(join(app.workspace, 'Bundle Me', 'exports'))).filter((n) => n.endsWith('.shotcanvas'));
  expect(exported).toHaveLength(1);

  await page.getByRole('button', { name: 'Import bundle…' }).click();
  const picker = page.getByRole('dialog', { name: 'Import project bundle' });
  await picker.getByRole('option', { name: /Bundle Me/ }).dblclick();
  await picker.getByRole('option', { name: /exports/ }).dblclick();
  await picker.getByRole('option', { name: new RegExp(exported[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await picker.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(/Bundle Me \(2\)/);
  await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
  const imported = await readProjectShots(app.workspace, 'Bundle Me (2)');
  expect(imported.map((s) => s.title)).toEqual(['Travels in the bundle']);
});
