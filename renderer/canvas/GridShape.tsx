import { Shape } from 'react-konva';
import type { CameraState } from '../editor/cameraState.ts';
import { CANVAS_COLORS } from './canvasTheme.ts';
import { GRID_SPACING } from '../editor/snapping.ts';

const SPACING = GRID_SPACING;
/** Below this zoom the dots are closer than ~10 px and stop helping; they are hidden. */
const MIN_ZOOM_FOR_GRID = 0.45;

/** Dot grid drawn only over the visible area, in one path, at a constant on-screen dot size. */
export function GridShape({ camera }: { readonly camera: CameraState }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(konvaCtx) => {
        const zoom = camera.camera.zoom;
        if (zoom < MIN_ZOOM_FOR_GRID) return;
        const ctx = konvaCtx._context;
        const view = camera.visibleRect();
        const size = 1.25 / zoom;
        const startX = Math.floor(view.x / SPACING) * SPACING;
        const startY = Math.floor(view.y / SPACING) * SPACING;
        ctx.beginPath();
        for (let x = startX; x <= view.x + view.width; x += SPACING) {
          for (let y = startY; y <= view.y + view.height; y += SPACING) ctx.rect(x - size / 2, y - size / 2, size, size);
        }
        ctx.fillStyle = CANVAS_COLORS.gridDot;
        ctx.fill();
      }}
    />
  );
}
