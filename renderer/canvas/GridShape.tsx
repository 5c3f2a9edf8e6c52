import type { RefObject } from 'react';
import { Shape } from 'react-konva';
import type { Camera } from '../editor/camera.ts';
import { visibleWorldRect } from '../editor/camera.ts';
import { CANVAS_COLORS } from './canvasTheme.ts';

const SPACING = 24;
/** Below this zoom the dots are closer than ~10 px and stop helping; they are hidden. */
const MIN_ZOOM_FOR_GRID = 0.45;

interface Props {
  readonly cameraRef: RefObject<Camera>;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** Dot grid drawn only over the visible area, in one path, at a constant on-screen dot size. */
export function GridShape({ cameraRef, viewport }: Props) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(ctx) => {
        const camera = cameraRef.current;
        if (!camera || camera.zoom < MIN_ZOOM_FOR_GRID) return;
        const view = visibleWorldRect(camera, viewport);
        const size = 1.25 / camera.zoom;
        const startX = Math.floor(view.x / SPACING) * SPACING;
        const startY = Math.floor(view.y / SPACING) * SPACING;
        ctx.beginPath();
        for (let x = startX; x <= view.x + view.width; x += SPACING) {
          for (let y = startY; y <= view.y + view.height; y += SPACING) {
            ctx.rect(x - size / 2, y - size / 2, size, size);
          }
        }
        ctx.fillStyle = CANVAS_COLORS.gridDot;
        ctx.fill();
      }}
    />
  );
}
