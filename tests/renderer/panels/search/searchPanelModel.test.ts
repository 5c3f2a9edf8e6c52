import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FilterState } from '../../../../renderer/editor/filterState.ts';
import { sceneLabel, scenesInOrder } from '../../../../renderer/panels/common/sceneLabels.ts';
import { mattersToFilterOptions, refreshMatches } from '../../../../renderer/panels/search/searchPanelModel.ts';
import type { SceneId } from '../../../../shared/ids.ts';
import type { SceneRecord } from '../../../../shared/model/scene.ts';
import { FIXED_NOW, shot } from '../../../shared/fixtures.ts';

function scene(number: string, title = '', createdAt = FIXED_NOW): SceneRecord {
  return {
    id: randomUUID() as SceneId,
    kind: 'scene',
    x: 0,
    y: 0,
    width: 400,
    height: 300,
    number,
    title,
    color: '#4c8dff',
    collapsed: false,
    createdAt,
    updatedAt: createdAt,
    rev: 0,
  };
}

describe('refreshMatches', () => {
  it('keeps the current match when it still matches', () => {
    const filter = new FilterState();
    filter.set(['a', 'b', 'c', 'd']);
    filter.step(1);
    filter.step(1);
    expect(filter.current).toBe('c');
    refreshMatches(filter, ['x', 'a', 'c', 'd']);
    expect(filter.ordered).toEqual(['x', 'a', 'c', 'd']);
    expect(filter.current).toBe('c');
  });

  it('steps backwards when that is shorter, and starts over when the match is gone', () => {
    const filter = new FilterState();
    const ids = Array.from({ length: 200 }, (_, i) => `s${i}`);
    filter.set(ids);
    filter.step(-1);
    expect(filter.current).toBe('s199');
    refreshMatches(filter, ['new', ...ids]);
    expect(filter.current).toBe('s199');
    refreshMatches(filter, ids.slice(0, 10));
    expect(filter.current).toBe('s0');
  });

  it('leaves the filter alone when nothing changed', () => {
    const filter = new FilterState();
    filter.set(['a', 'b']);
    filter.step(1);
    let emitted = 0;
    filter.subscribe(() => (emitted += 1));
    refreshMatches(filter, ['a', 'b']);
    expect(emitted).toBe(0);
    expect(filter.current).toBe('b');
  });
});

describe('scene labels', () => {
  it('names scenes by number and title', () => {
    expect(sceneLabel({ number: '12', title: 'Kitchen' })).toBe('12 · Kitchen');
    expect(sceneLabel({ number: ' 12 ', title: '' })).toBe('12');
    expect(sceneLabel({ number: '', title: 'Kitchen' })).toBe('Kitchen');
    expect(sceneLabel({ number: '', title: ' ' })).toBe('Untitled scene');
  });

  it('orders scenes numerically', () => {
    const order = scenesInOrder([scene('12A'), scene('10'), scene('2'), scene('12')]).map((s) => s.number);
    expect(order).toEqual(['2', '10', '12', '12A']);
  });
});

describe('mattersToFilterOptions', () => {
  it('reacts to tags and scene names only', () => {
    const a = shot({ tags: ['night'] });
    expect(mattersToFilterOptions({ id: a.id, before: a, after: { ...a, x: 5 } })).toBe(false);
    expect(mattersToFilterOptions({ id: a.id, before: a, after: { ...a, tags: ['day'] } })).toBe(true);
    const s = scene('1');
    expect(mattersToFilterOptions({ id: s.id, before: s, after: { ...s, x: 40 } })).toBe(false);
    expect(mattersToFilterOptions({ id: s.id, before: s, after: { ...s, title: 'Roof' } })).toBe(true);
  });
});
