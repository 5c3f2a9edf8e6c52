import { join } from 'node:path';
import { z } from 'zod';
import type { FileSystem } from './fileSystem.ts';
import { JsonStore } from './jsonStore.ts';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

const rectangleSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(200), height: z.number().int().min(200) });
const windowStateSchema = z.object({ bounds: rectangleSchema, maximized: z.boolean() });

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must be on some display for the saved position to be reused. */
const MIN_VISIBLE = 80;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window: the saved bounds when they are still visible on a connected display
 * (monitors get unplugged), otherwise centred on the primary display, never larger than it.
 */
export function restoreWindowBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (saved) {
    const visible = workAreas.some((area) => {
      const o = overlap(saved.bounds, area);
      return o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE;
    });
    if (visible) return saved;
  }
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return {
    bounds: { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height },
    maximized: saved?.maximized ?? false,
  };
}

export function windowStateStore(fs: FileSystem, userDataDir: string): JsonStore<WindowState | null> {
  return new JsonStore<WindowState | null>({ fs, path: join(userDataDir, 'window-state.json'), schema: windowStateSchema.nullable(), defaults: () => null });
}
