import { describe, expect, it, vi } from 'vitest';
import { FilterState } from '../../../renderer/editor/filterState.ts';

describe('FilterState', () => {
  it('starts with no filter: no matches, no current match, stepping does nothing', () => {
    const filter = new FilterState();
    const listener = vi.fn();
    filter.subscribe(listener);
    expect(filter.matches).toBeNull();
    expect(filter.ordered).toEqual([]);
    expect(filter.current).toBeNull();
    expect(filter.currentIndex).toBe(-1);
    expect(filter.step(1)).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('set() makes the first match current and keeps the reading order', () => {
    const filter = new FilterState();
    filter.set(['c', 'a', 'b']);
    expect([...filter.matches!]).toEqual(['c', 'a', 'b']);
    expect(filter.ordered).toEqual(['c', 'a', 'b']);
    expect(filter.current).toBe('c');
    expect(filter.currentIndex).toBe(0);
  });

  it('step(+1) walks forward and wraps from the last match to the first', () => {
    const filter = new FilterState();
    filter.set(['a', 'b', 'c']);
    expect([filter.step(1), filter.step(1), filter.step(1), filter.step(1)]).toEqual(['b', 'c', 'a', 'b']);
  });

  it('step(−1) walks backward and wraps from the first match to the last', () => {
    const filter = new FilterState();
    filter.set(['a', 'b', 'c']);
    expect([filter.step(-1), filter.step(-1), filter.step(-1)]).toEqual(['c', 'b', 'a']);
  });

  it('with a single match, stepping stays on it', () => {
    const filter = new FilterState();
    filter.set(['only']);
    expect(filter.step(1)).toBe('only');
    expect(filter.step(-1)).toBe('only');
  });

  it('an empty result is an active filter (everything dimmed) with no current match; null clears it', () => {
    const filter = new FilterState();
    filter.set([]);
    expect(filter.matches).toEqual(new Set());
    expect(filter.current).toBeNull();
    expect(filter.step(1)).toBeNull();
    filter.set(['a']);
    filter.set(null);
    expect(filter.matches).toBeNull();
    expect(filter.current).toBeNull();
  });

  it('notifies subscribers on set and step until they unsubscribe', () => {
    const filter = new FilterState();
    const listener = vi.fn();
    const unsubscribe = filter.subscribe(listener);
    filter.set(['a', 'b']);
    filter.step(1);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    filter.step(1);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
