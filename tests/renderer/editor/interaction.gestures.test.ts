import { describe, expect, it } from 'vitest';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import { SCENE_HEADER_HEIGHT } from '../../../shared/model/scene.ts';
import { note, scene, shot } from '../../shared/fixtures.ts';
import { pos, selected, setup } from './support/interactionHarness.ts';

/** Cards A and B side by side near the origin, C far away (shot cards are 240 × 191). */
function row() {
  return { a: shot({ x: 0, y: 0 }), b: shot({ x: 300, y: 0 }), c: shot({ x: 2000, y: 0 }) };
}

describe('CanvasInteraction: marquee', () => {
  it('a drag on empty canvas selects the records lying completely inside the rectangle', () => {
    const { a, b, c } = row();
    const { selection, interaction, diffs, at } = setup([a, b, c]);
    interaction.pointerDown(at(-10, -10), 'select');
    interaction.pointerMove(at(200, 100));
    expect(interaction.state).toMatchObject({ kind: 'marquee', rect: { x: -10, y: -10, width: 210, height: 110 } });
    expect(selected(selection)).toEqual([]);
    interaction.pointerMove(at(560, 200));
    expect(selected(selection)).toEqual([a.id, b.id].sort());
    // Shrinking the rectangle drops what no longer fits (b ends at x 540).
    interaction.pointerMove(at(500, 200));
    expect(selected(selection)).toEqual([a.id]);
    interaction.pointerUp(at(500, 200));
    expect(interaction.state.kind).toBe('idle');
    expect(diffs).toEqual([]);
  });

  it('works in any direction (dragged up and to the left)', () => {
    const { a, b, c } = row();
    const { selection, drag } = setup([a, b, c]);
    drag([560, 200], [-10, -10]);
    expect(selected(selection)).toEqual([a.id, b.id].sort());
  });

  it('shift-marquee adds to the selection instead of replacing it', () => {
    const { a, b, c } = row();
    const { selection, drag } = setup([a, b, c]);
    selection.set([c.id]);
    drag([-10, -10], [250, 200], { shift: true });
    expect(selected(selection)).toEqual([a.id, c.id].sort());
    drag([-10, -10], [250, 200]);
    expect(selected(selection)).toEqual([a.id]);
  });

  it('selects scenes and notes too, but never hidden records', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400, collapsed: true });
    const member = shot({ x: 100, y: 100, sceneId: sc.id });
    const n = note({ x: 700, y: 0 });
    const { selection, drag } = setup([sc, member, n], { hidden: [member.id] });
    drag([-10, -10], [1000, 1000]);
    expect(selected(selection)).toEqual([sc.id, n.id].sort());
  });

  it('cancel ends the marquee without committing anything', () => {
    const { a, b } = row();
    const { interaction, diffs, at } = setup([a, b]);
    interaction.pointerDown(at(-10, -10), 'select');
    interaction.pointerMove(at(600, 300));
    interaction.cancel();
    expect(interaction.state.kind).toBe('idle');
    interaction.pointerMove(at(700, 300));
    expect(interaction.state.kind).toBe('idle');
    expect(diffs).toEqual([]);
  });
});

describe('CanvasInteraction: scene resize', () => {
  it("a selected scene's bottom-right corner resizes it, in one transaction on pointer up", () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400 });
    const { store, selection, interaction, diffs, at } = setup([sc]);
    selection.set([sc.id]);
    interaction.pointerDown(at(605, 395), 'select');
    expect(interaction.state).toMatchObject({ kind: 'resizing', sceneId: sc.id });
    interaction.pointerMove(at(800, 700));
    expect(interaction.state).toMatchObject({ kind: 'resizing', size: { width: 800, height: 700 } });
    expect(diffs).toEqual([]);
    interaction.pointerUp(at(800, 700));
    expect(diffs).toHaveLength(1);
    expect(store.get(sc.id)).toMatchObject({ x: 0, y: 0, width: 800, height: 700 });
  });

  it('never makes a scene smaller than 120 wide or its header plus 40 high', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400 });
    const { store, selection, drag } = setup([sc]);
    selection.set([sc.id]);
    drag([600, 400], [10, 10]);
    expect(store.get(sc.id)).toMatchObject({ width: 120, height: SCENE_HEADER_HEIGHT + 40 });
  });

  it('the corner is no handle when the scene is not selected, or is collapsed: the press selects instead', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400 });
    const { store, selection, interaction, at } = setup([sc]);
    interaction.pointerDown(at(598, 398), 'select');
    expect(interaction.state.kind).toBe('pointing');
    expect(selected(selection)).toEqual([sc.id]);
    interaction.pointerUp(at(598, 398));
    store.transact((tx) => tx.update<SceneRecord>(sc.id, { collapsed: true }));
    interaction.pointerDown(at(600, 400), 'select');
    expect(interaction.state.kind).not.toBe('resizing');
  });
});

describe('CanvasInteraction: arrow tool', () => {
  it('draws an arrow from the card pressed to the card released on', () => {
    const { a, b } = row();
    const { store, interaction, diffs, at } = setup([a, b]);
    interaction.pointerDown(at(10, 10), 'arrow');
    expect(interaction.state).toMatchObject({ kind: 'arrowing', fromId: a.id, targetId: null });
    interaction.pointerMove(at(20, 20));
    expect(interaction.state).toMatchObject({ targetId: null });
    interaction.pointerMove(at(310, 10));
    expect(interaction.state).toMatchObject({ kind: 'arrowing', targetId: b.id, current: { x: 310, y: 10 } });
    interaction.pointerUp(at(310, 10));
    expect(diffs).toHaveLength(1);
    expect(store.ofKind('arrow')).toEqual([expect.objectContaining({ fromId: a.id, toId: b.id })]);
  });

  it('released on empty canvas, or started on empty canvas, draws nothing', () => {
    const { a, b } = row();
    const { store, interaction, diffs, drag } = setup([a, b]);
    drag([10, 10], [5000, 5000], {}, 'arrow');
    drag([5000, 5000], [10, 10], {}, 'arrow');
    expect(interaction.state.kind).toBe('idle');
    expect(diffs).toEqual([]);
    expect(store.ofKind('arrow')).toEqual([]);
  });

  it('connects notes and scenes as well as shots', () => {
    const n = note({ x: 0, y: 0 });
    const sc = scene({ x: 1000, y: 0, width: 600, height: 400 });
    const { store, drag } = setup([n, sc]);
    drag([10, 10], [1500, 300], {}, 'arrow');
    expect(store.ofKind('arrow')).toEqual([expect.objectContaining({ fromId: n.id, toId: sc.id })]);
  });
});

describe('CanvasInteraction: hidden records', () => {
  it('cannot be clicked, dragged, or used as an arrow end: the press falls through to what is visible', () => {
    const backdrop = scene({ x: -500, y: -500, width: 3000, height: 3000 });
    const folded = scene({ x: 0, y: 0, width: 600, height: 400, collapsed: true });
    const member = shot({ x: 100, y: 100, sceneId: folded.id });
    const other = shot({ x: 1000, y: 1000 });
    const { store, selection, interaction, diffs, click, drag } = setup([backdrop, folded, member, other], { hidden: [member.id] });
    expect(interaction.hit({ x: 150, y: 150 })?.id).toBe(backdrop.id);
    click(150, 150);
    expect(selected(selection)).toEqual([backdrop.id]);
    drag([150, 150], [1100, 1100], {}, 'arrow');
    expect(store.ofKind('arrow')).toEqual([expect.objectContaining({ fromId: backdrop.id, toId: other.id })]);
    expect(store.ofKind('arrow').some((a) => a.fromId === member.id || a.toId === member.id)).toBe(false);
    expect(diffs).toHaveLength(1);
    expect(pos(store, member.id)).toEqual({ x: 100, y: 100 });
  });
});
