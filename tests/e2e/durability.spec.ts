import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashOf } from '../../electron/services/contentHash.ts';
import { expect, test } from './support/appFixture.ts';
import { addShotAtScreen, backToLibrary, createProject, openProjectFromLibrary, readProjectShots, waitUntilSaved } from './support/workspaceDriver.ts';

test.describe('durable projects', () => {
  test('killing the host loses nothing that was saved, and edits made while it was down reach the folder on reopen', async ({ app }) => {
    test.skip(app.kind !== 'web', 'kills the web host process');
    const { page } = app;
    await createProject(page, 'Kill Test');
    await addShotAtScreen(page, { x: 300, y: 300 }, 'Saved before the crash');
    await waitUntilSaved(page);

    await app.restart({ signal: 'SIGKILL' });
    await openProjectFromLibrary(app.page, 'Kill Test');
    await expect(app.page.getByTestId('shot-count')).toHaveText('1 shot');

    // An edit, then the host dies before the 3-second autosave: the edit lives in IndexedDB only.
    await addShotAtScreen(app.page, { x: 700, y: 300 }, 'Typed while the host died');
    await app.restart({ signal: 'SIGKILL' });
    await openProjectFromLibrary(app.page, 'Kill Test');
    await expect(app.page.getByTestId('shot-count')).toHaveText('2 shots');
    await waitUntilSaved(app.page);
    const titles = (await readProjectShots(app.workspace, 'Kill Test')).map((s) => s.title).sort();
    expect(titles).toEqual(['Saved before the crash', 'Typed while the host died']);
  });

  test('a damaged project.json is set aside and the newest backup is offered and restored', async ({ app }) => {
    const { page } = app;
    await createProject(page, 'Damaged');
    await addShotAtScreen(page, { x: 300, y: 300 }, 'Before damage');
    await waitUntilSaved(page);
    await backToLibrary(page);
    // Reopening takes a launch backup of the current state; then the file gets cut in half.
    await openProjectFromLibrary(page, 'Damaged');
    await backToLibrary(page);
    const file = join(app.workspace, 'Damaged', 'project.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));

    await page.getByRole('button', { name: 'Open Damaged' }).click();
    const dialog = page.getByRole('dialog', { name: '"Damaged" needs recovery' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('not valid JSON')).toBeVisible();
    await dialog.getByRole('button', { name: 'Restore newest backup' }).click();
    await expect(page.getByText(/Recovered "Damaged" from the backup/)).toBeVisible();
    await expect(page.getByTestId('project-title')).toHaveText('Damaged');
    await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
    const kept = (await readdir(join(app.workspace, 'Damaged'))).filter((n) => n.startsWith('project.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(app.workspace, 'Damaged', kept[0]!), 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
  });

  test('a project written by a newer version opens read-only and is never written', async ({ app }) => {
    const { page } = app;
    await createProject(page, 'From The Future');
    await addShotAtScreen(page, { x: 300, y: 300 }, 'Future shot');
    await waitUntilSaved(page);
    await backToLibrary(page);
    const file = join(app.workspace, 'From The Future', 'project.json');
    const current = JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, unknown> } & Record<string, unknown>;
    const data = { ...current.data, futureThings: [{ kind: 'hologram' }] };
    const future = {
      ...current,
      schemaVersion: 99,
      writtenBy: { app: 'Shotcanvas', version: '3.0.0' },
      minReaderVersion: '0.1.0',
      contentHash: contentHashOf(data),
      data,
    };
    const futureText = `${JSON.stringify(future, null, 1)}\n`;
    await writeFile(file, futureText);

    await openProjectFromLibrary(page, 'From The Future');
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    await expect(page.getByTestId('read-only-banner')).toContainText('Shotcanvas 3.0.0');
    await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
    await expect(page.getByRole('button', { name: 'Shot', exact: true })).toBeDisabled();
    await page.getByTestId('canvas').dblclick({ position: { x: 900, y: 500 } });
    await page.keyboard.press('s');
    await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
    await backToLibrary(page);
    expect(await readFile(file, 'utf8')).toBe(futureText);
  });

  test('project history restores an earlier state, and restoring "Before restore" undoes it', async ({ app }) => {
    const { page } = app;
    await createProject(page, 'History');
    await addShotAtScreen(page, { x: 300, y: 300 }, 'First');
    await waitUntilSaved(page);
    await backToLibrary(page);
    await openProjectFromLibrary(page, 'History');
    await addShotAtScreen(page, { x: 900, y: 150 }, 'Second');
    await waitUntilSaved(page);
    await expect(page.getByTestId('shot-count')).toHaveText('2 shots');

    await page.getByRole('button', { name: 'Project history' }).click();
    // The first autosave generation holds the state with one shot.
    const earlier = page.getByTestId('backup-row').filter({ hasText: 'Autosave' }).filter({ hasText: '1 shot ' }).first();
    await earlier.hover();
    await earlier.getByRole('button', { name: /Restore the backup/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText(/Restored the backup of/)).toBeVisible();
    await expect(page.getByTestId('shot-count')).toHaveText('1 shot');
    expect((await readProjectShots(app.workspace, 'History')).map((s) => s.title)).toEqual(['First']);

    await page.getByRole('button', { name: 'Project history' }).click();
    const before = page.getByTestId('backup-row').filter({ hasText: 'Before restore' }).first();
    await expect(before).toContainText('2 shots');
    await before.hover();
    await before.getByRole('button', { name: /Restore the backup/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByTestId('shot-count')).toHaveText('2 shots');
    expect((await readProjectShots(app.workspace, 'History')).map((s) => s.title).sort()).toEqual(['First', 'Second']);
  });

  test('a second tab cannot open a project that is open in the first', async ({ app }) => {
    test.skip(app.kind !== 'web', 'tabs exist on the web host only');
    const { page } = app;
    await createProject(page, 'Single Writer');
    const second = await page.context().newPage();
    await second.goto(page.url());
    await second.getByRole('button', { name: 'Open Single Writer' }).click();
    await expect(second.getByText('is already open in another window or tab')).toBeVisible();
    await expect(page.getByTestId('project-title')).toHaveText('Single Writer');
    await second.close();
  });
});
