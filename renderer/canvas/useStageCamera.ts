import type Konva from 'konva';
import type { RefObject } from 'react';
import { useEffect } from 'react';
import type { CameraState } from '../editor/cameraState.ts';
import { panBy, wheelZoomFactor, zoomAt } from '../editor/camera.ts';

/**
 * Applies the camera to the Konva stage imperatively (no React render per frame) and turns wheel
 * and trackpad input into camera moves: ctrl/cmd+wheel and pinch zoom at the pointer, a plain
 * mouse wheel zooms at the pointer, two-finger trackpad scrolling (horizontal component) pans,
 * shift+wheel pans sideways.
 */
export function useStageCamera(host: RefObject<HTMLDivElement | null>, stage: RefObject<Konva.Stage | null>, camera: CameraState, redraw: () => void): void {
  useEffect(() => {
    const apply = () => {
      const { x, y, zoom } = camera.camera;
      const s = stage.current;
      if (s) {
        s.scale({ x: zoom, y: zoom });
        s.position({ x, y });
      }
      // Exposed for end-to-end tests and debugging: they map world positions to the screen.
      host.current?.setAttribute('data-camera', `${x},${y},${zoom}`);
      redraw();
    };
    apply();
    return camera.subscribe(apply);
  }, [camera, host, stage, redraw]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const pointer = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const lineScale = event.deltaMode === 1 ? 33 : event.deltaMode === 2 ? rect.height : 1;
      const dx = event.deltaX * lineScale;
      const dy = event.deltaY * lineScale;
      const current = camera.camera;
      if (event.ctrlKey || event.metaKey) camera.set(zoomAt(current, pointer, current.zoom * Math.exp(-dy * 0.01)));
      else if (event.shiftKey) camera.set(panBy(current, -(dx || dy), 0));
      else if (dx !== 0) camera.set(panBy(current, -dx, -dy));
      else camera.set(zoomAt(current, pointer, current.zoom * wheelZoomFactor(dy)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [camera, host]);
}
