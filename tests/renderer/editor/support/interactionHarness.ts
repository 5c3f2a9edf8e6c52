import { afterEach } from 'vitest';
import type { Diff } from '../../../../renderer/editor/documentStore.ts';
import { DocumentStore } from '../../../../renderer/editor/documentStore.ts';
import type { CanvasTool, PointerInfo } from '../../../../renderer/editor/interaction.ts';
import { CanvasInteraction } from '../../../../renderer/editor/interaction.ts';
import { Selection } from '../../../../renderer/editor/selection.ts';
import { SpatialIndex } from '../../../../renderer/editor/spatialIndex.ts';
import type { DocRecord } from '../../../../shared/model/records.ts';
import { settings } from '../../../shared/fixtures.ts';

const disposers: Array<() => void> = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));

/** A real store, selection and index behind the state machine, at zoom 1 (screen = world). */
export function setup(records: DocRecord[], options: { hidden?: string[]; snapping?: boolean; grid?: number | null } = {}) {
  const store = new DocumentStore(settings(), 0, records);
  const selection = new Selection();
  const index = new SpatialIndex(store);
  const hidden = new Set(options.hidden ?? []);
  const diffs: Diff[] = [];
  disposers.push(
    store.subscribe((d) => diffs.push(d)),
    () => index.dispose(),
  );
  let changes = 0;
  const interaction = new CanvasInteraction({
    store,
    selection,
    index,
    isHidden: (id) => hidden.has(id),
    zoom: () => 1,
    snapping: () => ({ enabled: options.snapping ?? false, grid: options.grid ?? null }),
    onChange: () => (changes += 1),
  });
  const at = (x: number, y: number, mods: { shift?: boolean; mod?: boolean } = {}): PointerInfo => ({
    world: { x, y },
    screen: { x, y },
    shift: mods.shift ?? false,
    mod: mods.mod ?? false,
  });
  const click = (x: number, y: number, mods: { shift?: boolean; mod?: boolean } = {}, tool: CanvasTool = 'select') => {
    interaction.pointerDown(at(x, y, mods), tool);
    interaction.pointerUp(at(x, y, mods));
  };
  const drag = (from: [number, number], to: [number, number], mods: { shift?: boolean; mod?: boolean } = {}, tool: CanvasTool = 'select') => {
    interaction.pointerDown(at(...from, mods), tool);
    interaction.pointerMove(at(from[0] + (to[0] - from[0]) / 2, from[1] + (to[1] - from[1]) / 2, mods));
    interaction.pointerMove(at(...to, mods));
    interaction.pointerUp(at(...to, mods));
  };
  return { store, selection, index, interaction, diffs, at, click, drag, changes: () => changes };
}

export const selected = (selection: Selection) => [...selection.current].sort();
export const pos = (store: DocumentStore, id: string) => {
  const r = store.get(id) as { x: number; y: number };
  return { x: r.x, y: r.y };
};
