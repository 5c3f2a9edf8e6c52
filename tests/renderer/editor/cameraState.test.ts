import { describe, expect, it, vi } from 'vitest';
import { fitBounds, worldToScreen } from '../../../renderer/editor/camera.ts';
import { CameraState } from '../../../renderer/editor/cameraState.ts';

function camera(viewport = { width: 1000, height: 600 }) {
  const state = new CameraState();
  state.setViewport(viewport);
  const listener = vi.fn();
  state.subscribe(listener);
  return { state, listener };
}

describe('CameraState', () => {
  it('starts at the origin at 100 % with an empty viewport', () => {
    const state = new CameraState();
    expect(state.camera).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(state.viewport).toEqual({ width: 0, height: 0 });
  });

  it('notifies on every real change and stays quiet when nothing changed', () => {
    const { state, listener } = camera();
    state.set({ x: 10, y: 20, zoom: 2 });
    state.set({ x: 10, y: 20, zoom: 2 });
    state.setViewport({ width: 1000, height: 600 });
    expect(listener).toHaveBeenCalledTimes(1);
    state.setViewport({ width: 800, height: 600 });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('visibleRect is the world rectangle on screen', () => {
    const { state } = camera();
    state.set({ x: -200, y: 100, zoom: 2 });
    expect(state.visibleRect()).toEqual({ x: 100, y: -50, width: 500, height: 300 });
  });

  it('centerOn puts the centre of a rectangle in the middle of the viewport, keeping the zoom', () => {
    const { state, listener } = camera();
    state.set({ x: 0, y: 0, zoom: 0.5 });
    listener.mockClear();
    const rect = { x: 1000, y: 2000, width: 400, height: 200 };
    state.centerOn(rect);
    expect(state.camera.zoom).toBe(0.5);
    expect(worldToScreen(state.camera, { x: 1200, y: 2100 })).toEqual({ x: 500, y: 300 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('centerOn with fit zooms to show the whole rectangle (never above 100 %)', () => {
    const { state } = camera();
    const rect = { x: 0, y: 0, width: 4000, height: 1000 };
    state.centerOn(rect, { fit: true });
    expect(state.camera).toEqual(fitBounds(rect, { width: 1000, height: 600 }));
    const visible = state.visibleRect();
    expect(visible.x).toBeLessThanOrEqual(0);
    expect(visible.x + visible.width).toBeGreaterThanOrEqual(4000);
    state.centerOn({ x: 0, y: 0, width: 10, height: 10 }, { fit: true });
    expect(state.camera.zoom).toBe(1);
  });

  it('stops notifying a listener after it unsubscribes', () => {
    const state = new CameraState();
    const listener = vi.fn();
    const unsubscribe = state.subscribe(listener);
    unsubscribe();
    state.set({ x: 1, y: 1, zoom: 1 });
    expect(listener).not.toHaveBeenCalled();
  });
});
