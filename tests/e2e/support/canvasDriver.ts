import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../shared/model/shot.ts';
import type { WorldPoint } from './workspaceDriver.ts';
import { toCanvasPoint } from './workspaceDriver.ts';

/** Canvas-level helpers: screen positions of records, modifier drags, marquee, file drops. */

export interface Placed {
  readonly x: number;
  readonly y: number;
}

export const centreOf = (r: Placed): WorldPoint => ({ x: r.x + SHOT_CARD.width / 2, y: r.y + SHOT_CARD_HEIGHT / 2 });

export async function canvasBox(page: Page) {
  return (await page.getByTestId('canvas').boundingBox())!;
}

/** Presses at `from`, moves in steps to `to`, releases (world coordinates). */
export async function dragWorldWith(page: Page, from: WorldPoint, to: WorldPoint, options: { modifiers?: Array<'Shift' | 'Control'> } = {}): Promise<void> {
  const box = await canvasBox(page);
  const a = await toCanvasPoint(page, from);
  const b = await toCanvasPoint(page, to);
  for (const key of options.modifiers ?? []) await page.keyboard.down(key);
  await page.mouse.move(box.x + a.x, box.y + a.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1) await page.mouse.move(box.x + a.x + ((b.x - a.x) * i) / 8, box.y + a.y + ((b.y - a.y) * i) / 8);
  await page.mouse.up();
  for (const key of options.modifiers ?? []) await page.keyboard.up(key);
}

/** Drags a marquee between two screen points of the canvas (relative to its top-left). */
export async function marquee(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i += 1) await page.mouse.move(box.x + from.x + ((to.x - from.x) * i) / 6, box.y + from.y + ((to.y - from.y) * i) / 6);
  await page.mouse.up();
}

/** Drops files (made in the page from base64 bytes) at a world point, like a drag from the OS. */
export async function dropFiles(page: Page, at: WorldPoint, files: ReadonlyArray<{ name: string; type: string; base64: string }>): Promise<void> {
  const point = await toCanvasPoint(page, at);
  const box = await canvasBox(page);
  await page.evaluate(
    ({ files, x, y }) => {
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector('[data-testid="canvas"]')!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { files, x: box.x + point.x, y: box.y + point.y },
  );
}

export async function expectSelectedCount(page: Page, count: number): Promise<void> {
  if (count === 1) await expect(page.getByRole('complementary', { name: 'Inspector' }).locator('.inspector-kicker')).not.toContainText('selected');
  else await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(`${count} selected`);
}
