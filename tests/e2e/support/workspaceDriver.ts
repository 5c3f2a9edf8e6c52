import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Fluent helpers over the real UI: specs read like what a user does. */

export interface WorldPoint {
  readonly x: number;
  readonly y: number;
}

export async function createProject(page: Page, name: string, options: { rate?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: 'New project' }).first().click();
  await page.getByRole('dialog').getByRole('textbox').fill(name);
  if (options.rate) await page.getByRole('dialog').getByLabel('Timeline frame rate').selectOption(options.rate);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByTestId('project-title')).toHaveText(name);
}

export async function camera(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const canvas = page.getByTestId('canvas');
  await expect(canvas).toHaveAttribute('data-camera', /.+/);
  const [x, y, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number);
  return { x: x!, y: y!, zoom: zoom! };
}

/** Screen position (relative to the canvas element) of a world point. */
export async function toCanvasPoint(page: Page, world: WorldPoint): Promise<WorldPoint> {
  const c = await camera(page);
  return { x: world.x * c.zoom + c.x, y: world.y * c.zoom + c.y };
}

export async function clickWorld(page: Page, world: WorldPoint, modifiers: Array<'Shift'> = []): Promise<void> {
  await page.getByTestId('canvas').click({ position: await toCanvasPoint(page, world), modifiers });
}

export async function dragWorld(page: Page, from: WorldPoint, to: WorldPoint): Promise<void> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  const a = await toCanvasPoint(page, from);
  const b = await toCanvasPoint(page, to);
  await page.mouse.move(box.x + a.x, box.y + a.y);
  await page.mouse.down();
  await page.mouse.move(box.x + (a.x + b.x) / 2, box.y + (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(box.x + b.x, box.y + b.y, { steps: 5 });
  await page.mouse.up();
}

/** Double-clicks the empty canvas (creating a shot centred there) and types its title. */
export async function addShotAtScreen(page: Page, position: WorldPoint, title: string): Promise<void> {
  await page.getByTestId('canvas').dblclick({ position });
  const editor = page.getByRole('textbox', { name: 'Shot title' });
  await expect(editor).toBeFocused();
  await editor.fill(title);
  await editor.press('Enter');
}

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

export interface ProjectFileShot {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly x: number;
  readonly y: number;
}

export async function readProjectShots(workspace: string, projectName: string): Promise<ProjectFileShot[]> {
  const file = JSON.parse(await readFile(join(workspace, projectName, 'project.json'), 'utf8')) as { data: { shots: ProjectFileShot[] } };
  return file.data.shots;
}

export async function openProjectFromLibrary(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${name}` }).click();
  await expect(page.getByTestId('project-title')).toHaveText(name);
}

export async function backToLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Back to projects' }).click();
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
}

export interface ProjectFileData {
  readonly shots: Array<ProjectFileShot & { order: string; sceneId: string | null; frame: { path: string } | null; numberOverride: string | null }>;
  readonly scenes: Array<{ id: string; number: string; x: number; y: number; width: number; height: number; collapsed: boolean }>;
  readonly notes: Array<{ id: string; text: string; x: number; y: number }>;
  readonly arrows: Array<{ id: string; fromId: string; toId: string }>;
}

export async function readProjectData(workspace: string, projectName: string): Promise<ProjectFileData> {
  return (JSON.parse(await readFile(join(workspace, projectName, 'project.json'), 'utf8')) as { data: ProjectFileData }).data;
}

/** Runs a keyboard shortcut with the platform's modifier (Control here: tests run on Linux). */
export async function pressMod(page: Page, key: string): Promise<void> {
  await page.keyboard.press(`Control+${key}`);
}
