import type { CameraState } from '../../editor/cameraState.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { Selection } from '../../editor/selection.ts';

/**
 * Benchmark switches, read once: `localStorage['shotcanvas.bench.canvas'] = 'naive'` renders the
 * naive baseline canvas (every card a react-konva group, no culling, no LOD); any value installs
 * `window.__shotcanvasBench` so the benchmark can drive the camera and a drag frame by frame.
 * Never set in normal use.
 */
export const BENCH_CANVAS_MODE: 'off' | 'shotcanvas' | 'naive' = (() => {
  try {
    const value = localStorage.getItem('shotcanvas.bench.canvas');
    return value === 'naive' ? 'naive' : value ? 'shotcanvas' : 'off';
  } catch {
    return 'off';
  }
})();

export interface BenchDrag {
  start(worldX: number, worldY: number): void;
  move(worldX: number, worldY: number): void;
  end(worldX: number, worldY: number): void;
}

export interface BenchHooks {
  readonly mode: 'shotcanvas' | 'naive';
  readonly camera: CameraState;
  readonly store: DocumentStore;
  readonly selection: Selection;
  readonly drag: BenchDrag;
}

export function installBenchHooks(hooks: BenchHooks): () => void {
  if (BENCH_CANVAS_MODE === 'off') return () => undefined;
  (window as unknown as { __shotcanvasBench?: BenchHooks }).__shotcanvasBench = hooks;
  return () => {
    delete (window as unknown as { __shotcanvasBench?: BenchHooks }).__shotcanvasBench;
  };
}
