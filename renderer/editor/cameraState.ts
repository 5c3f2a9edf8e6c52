import type { Camera, Rect } from './camera.ts';
import { fitBounds, visibleWorldRect } from './camera.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * The canvas camera as a small observable, so the canvas, the minimap, search and the sequence
 * strip can all move it and follow it. Listeners run synchronously on every change (the canvas
 * applies it to the Konva stage directly); React views should subscribe through a throttled hook.
 */
export class CameraState {
  private cameraValue: Camera = { x: 0, y: 0, zoom: 1 };
  private viewportValue: Viewport = { width: 0, height: 0 };
  private readonly listeners = new Set<() => void>();

  get camera(): Camera {
    return this.cameraValue;
  }

  get viewport(): Viewport {
    return this.viewportValue;
  }

  /** The world rectangle on screen right now. */
  visibleRect(): Rect {
    return visibleWorldRect(this.cameraValue, this.viewportValue);
  }

  set(camera: Camera): void {
    if (camera.x === this.cameraValue.x && camera.y === this.cameraValue.y && camera.zoom === this.cameraValue.zoom) return;
    this.cameraValue = camera;
    this.emit();
  }

  setViewport(viewport: Viewport): void {
    if (viewport.width === this.viewportValue.width && viewport.height === this.viewportValue.height) return;
    this.viewportValue = viewport;
    this.emit();
  }

  /** Centres `rect` in the view, keeping the zoom unless the rect does not fit. */
  centerOn(rect: Rect, options: { fit?: boolean } = {}): void {
    const { width, height } = this.viewportValue;
    if (options.fit) return this.set(fitBounds(rect, this.viewportValue));
    const zoom = this.cameraValue.zoom;
    this.set({ zoom, x: width / 2 - (rect.x + rect.width / 2) * zoom, y: height / 2 - (rect.y + rect.height / 2) * zoom });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
