import { describe, expect, it, vi } from 'vitest';
import { Selection } from '../../../renderer/editor/selection.ts';
import { shotId } from '../../shared/fixtures.ts';

describe('Selection', () => {
  it('starts empty and replaces the set on set()', () => {
    const [a, b] = [shotId(), shotId()];
    const selection = new Selection();
    expect(selection.current.size).toBe(0);
    selection.set([a, b]);
    expect([...selection.current].sort()).toEqual([a, b].sort());
    selection.set([b]);
    expect(selection.has(a)).toBe(false);
    expect(selection.has(b)).toBe(true);
  });

  it('notifies only when the selection really changes', () => {
    const [a, b] = [shotId(), shotId()];
    const selection = new Selection();
    const listener = vi.fn();
    selection.subscribe(listener);
    selection.set([a, b]);
    selection.set([b, a, a]);
    selection.clear();
    selection.clear();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('hands out a new set object on change so React sees it', () => {
    const selection = new Selection();
    const before = selection.current;
    selection.toggle(shotId());
    expect(selection.current).not.toBe(before);
    expect(before.size).toBe(0);
  });

  it('toggles membership', () => {
    const a = shotId();
    const selection = new Selection();
    selection.toggle(a);
    expect(selection.has(a)).toBe(true);
    selection.toggle(a);
    expect(selection.has(a)).toBe(false);
  });

  it('retain drops ids that no longer exist, notifying once', () => {
    const [a, b, c] = [shotId(), shotId(), shotId()];
    const selection = new Selection();
    selection.set([a, b, c]);
    const listener = vi.fn();
    selection.subscribe(listener);
    selection.retain((id) => id !== b);
    expect([...selection.current].sort()).toEqual([a, c].sort());
    selection.retain(() => true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops notifying after unsubscribe', () => {
    const selection = new Selection();
    const listener = vi.fn();
    const unsubscribe = selection.subscribe(listener);
    unsubscribe();
    selection.toggle(shotId());
    expect(listener).not.toHaveBeenCalled();
  });
});
