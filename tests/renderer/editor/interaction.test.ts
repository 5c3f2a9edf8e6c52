import { describe, expect, it } from 'vitest';
import { note, scene, shot } from '../../shared/fixtures.ts';
import { pos, selected, setup } from './support/interactionHarness.ts';

describe('CanvasInteraction: clicks', () => {
  it('a click selects the card under the pointer and commits nothing', () => {
    const a = shot({ x: 0, y: 0 });
    const b = shot({ x: 1000, y: 0 });
    const { selection, interaction, diffs, click, changes } = setup([a, b]);
    click(10, 10);
    expect(selected(selection)).toEqual([a.id]);
    click(1010, 10);
    expect(selected(selection)).toEqual([b.id]);
    expect(diffs).toEqual([]);
    expect(interaction.state.kind).toBe('idle');
    expect(changes()).toBeGreaterThan(0);
  });

  it('shift- or mod-click toggles a card in and out of the selection', () => {
    const [a, b] = [shot({ x: 0, y: 0 }), shot({ x: 1000, y: 0 })];
    const { selection, click } = setup([a, b]);
    click(10, 10);
    click(1010, 10, { shift: true });
    expect(selected(selection)).toEqual([a.id, b.id].sort());
    click(10, 10, { shift: true });
    expect(selected(selection)).toEqual([b.id]);
    click(10, 10, { mod: true });
    expect(selected(selection)).toEqual([a.id, b.id].sort());
  });

  it('a click on empty canvas clears the selection, unless shift is held', () => {
    const a = shot({ x: 0, y: 0 });
    const { selection, click } = setup([a]);
    click(10, 10);
    click(5000, 5000, { shift: true });
    expect(selected(selection)).toEqual([a.id]);
    click(5000, 5000);
    expect(selected(selection)).toEqual([]);
  });

  it('a click (no drag) inside a multi-selection narrows it to that card', () => {
    const [a, b] = [shot({ x: 0, y: 0 }), shot({ x: 1000, y: 0 })];
    const { selection, click } = setup([a, b]);
    selection.set([a.id, b.id]);
    click(10, 10);
    expect(selected(selection)).toEqual([a.id]);
  });

  it('notes sit on top of shots, shots on top of scenes', () => {
    const sc = scene({ x: -100, y: -100, width: 2000, height: 2000 });
    const a = shot({ x: 0, y: 0 });
    const n = note({ x: 100, y: 100 });
    const { selection, click } = setup([n, a, sc]);
    click(150, 150);
    expect(selected(selection)).toEqual([n.id]);
    click(20, 20);
    expect(selected(selection)).toEqual([a.id]);
    click(1500, 1500);
    expect(selected(selection)).toEqual([sc.id]);
  });
});

describe('CanvasInteraction: dragging', () => {
  it('moves the selection only once the pointer has travelled 3 px, in ONE transaction on pointer up', () => {
    const [a, b] = [shot({ x: 0, y: 0 }), shot({ x: 1000, y: 0 })];
    const { store, selection, interaction, diffs, at } = setup([a, b]);
    selection.set([a.id, b.id]);
    interaction.pointerDown(at(10, 10), 'select');
    interaction.pointerMove(at(12, 11));
    expect(interaction.state.kind).toBe('pointing');
    interaction.pointerMove(at(60, 210));
    expect(interaction.state).toMatchObject({ kind: 'dragging', offset: { x: 50, y: 200 } });
    // The drag itself never writes the document (the overlay draws the offset).
    expect(diffs).toEqual([]);
    expect(pos(store, a.id)).toEqual({ x: 0, y: 0 });
    interaction.pointerUp(at(60, 210));
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(pos(store, a.id)).toEqual({ x: 50, y: 200 });
    expect(pos(store, b.id)).toEqual({ x: 1050, y: 200 });
    expect(selected(selection)).toEqual([a.id, b.id].sort());
    expect(interaction.state.kind).toBe('idle');
  });

  it('a press that moves less than 3 px is a click: nothing moves', () => {
    const a = shot({ x: 0, y: 0 });
    const { store, diffs, drag } = setup([a]);
    drag([10, 10], [12, 11]);
    expect(diffs).toEqual([]);
    expect(pos(store, a.id)).toEqual({ x: 0, y: 0 });
  });

  it('pressing an unselected card selects it and drags just it', () => {
    const [a, b] = [shot({ x: 0, y: 0 }), shot({ x: 1000, y: 0 })];
    const { store, selection, drag } = setup([a, b]);
    selection.set([b.id]);
    drag([10, 10], [110, 10]);
    expect(selected(selection)).toEqual([a.id]);
    expect(pos(store, a.id)).toEqual({ x: 100, y: 0 });
    expect(pos(store, b.id)).toEqual({ x: 1000, y: 0 });
  });

  it('dragging a scene carries its shots, which stay members', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400 });
    const member = shot({ x: 100, y: 100, sceneId: sc.id });
    const { store, selection, diffs, drag } = setup([sc, member]);
    selection.set([sc.id]);
    drag([500, 20], [800, 320]);
    expect(diffs).toHaveLength(1);
    expect(pos(store, sc.id)).toEqual({ x: 300, y: 300 });
    expect(store.get(member.id)).toMatchObject({ x: 400, y: 400, sceneId: sc.id });
  });

  it('snaps to a nearby card while dragging, and not while mod is held', () => {
    const a = shot({ x: 0, y: 0 });
    // 500 is 3 units from where a's left edge lands (503); its y lines are out of reach.
    const anchor = shot({ x: 500, y: 700 });
    for (const [mod, expected] of [
      [false, { x: 500, y: 300 }],
      [true, { x: 503, y: 300 }],
    ] as const) {
      const { store, selection, interaction, diffs, at } = setup([a, anchor], { snapping: true });
      selection.set([a.id]);
      interaction.pointerDown(at(10, 10), 'select');
      interaction.pointerMove(at(200, 200, { mod }));
      interaction.pointerMove(at(513, 310, { mod }));
      interaction.pointerUp(at(513, 310, { mod }));
      expect(diffs).toHaveLength(1);
      expect(pos(store, a.id)).toEqual(expected);
    }
  });

  it('does not snap when snapping is off', () => {
    const a = shot({ x: 0, y: 0 });
    const { store, selection, drag } = setup([a, shot({ x: 500, y: 700 })], { snapping: false, grid: 50 });
    selection.set([a.id]);
    drag([10, 10], [513, 310]);
    expect(pos(store, a.id)).toEqual({ x: 503, y: 300 });
  });

  it('shows snap guides during the drag and snaps to the grid when no card is in reach', () => {
    const a = shot({ x: 0, y: 0 });
    const anchor = shot({ x: 500, y: 700 });
    const { store, selection, interaction, at } = setup([a, anchor], { snapping: true, grid: 50 });
    selection.set([a.id]);
    interaction.pointerDown(at(10, 10), 'select');
    interaction.pointerMove(at(513, 310));
    const state = interaction.state;
    expect(state.kind === 'dragging' && state.guides.map((g) => [g.axis, g.position])).toEqual([['x', 500]]);
    interaction.pointerUp(at(513, 310));
    // x snaps to the card's edge; y (no card in reach) to the 50-unit grid.
    expect(pos(store, a.id)).toEqual({ x: 500, y: 300 });
  });

  it('a read-only document cannot be dragged', () => {
    const a = shot({ x: 0, y: 0 });
    const { store, diffs, drag } = setup([a]);
    store.setReadOnly('newer version');
    diffs.length = 0;
    drag([10, 10], [300, 300]);
    expect(diffs).toEqual([]);
    expect(pos(store, a.id)).toEqual({ x: 0, y: 0 });
  });

  it('cancel abandons a drag: nothing is committed', () => {
    const a = shot({ x: 0, y: 0 });
    const { store, selection, interaction, diffs, at } = setup([a]);
    selection.set([a.id]);
    interaction.pointerDown(at(10, 10), 'select');
    interaction.pointerMove(at(300, 300));
    interaction.cancel();
    expect(interaction.state.kind).toBe('idle');
    interaction.pointerUp(at(300, 300));
    expect(diffs).toEqual([]);
    expect(pos(store, a.id)).toEqual({ x: 0, y: 0 });
  });
});
