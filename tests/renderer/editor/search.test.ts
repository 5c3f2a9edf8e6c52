import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import type { ShotQuery } from '../../../renderer/editor/search.ts';
import { EMPTY_QUERY, isEmptyQuery, normalizeForSearch, searchShots, tagsInUse } from '../../../renderer/editor/search.ts';
import type { SceneId } from '../../../shared/ids.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { FIXED_NOW, settings, shot } from '../../shared/fixtures.ts';

function scene(number: string, title = ''): SceneRecord {
  const id = randomUUID() as SceneId;
  return {
    id,
    kind: 'scene',
    x: 0,
    y: 0,
    width: 400,
    height: 300,
    number,
    title,
    color: '#4c8dff',
    collapsed: false,
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
    rev: 0,
  };
}

function search(records: ReadonlyArray<ShotRecord | SceneRecord>, query: Partial<ShotQuery>): string[] {
  const store = new DocumentStore(settings(), 0, records);
  return searchShots(store, { ...EMPTY_QUERY, ...query });
}

describe('searchShots', () => {
  it('returns every shot in cut order for an empty query', () => {
    const b = shot({ order: 'a2' });
    const a = shot({ order: 'a1' });
    expect(search([b, a], {})).toEqual([a.id, b.id]);
    expect(isEmptyQuery(EMPTY_QUERY)).toBe(true);
    expect(isEmptyQuery({ ...EMPTY_QUERY, text: '   ' })).toBe(true);
    expect(isEmptyQuery({ ...EMPTY_QUERY, statuses: ['approved'] })).toBe(false);
  });

  it('matches text in every searched field, ignoring case and accents', () => {
    const shots = [
      shot({ title: 'Café at dawn' }),
      shot({ description: 'She opens the DOOR' }),
      shot({ dialogue: 'Où es-tu ?' }),
      shot({ action: 'Runs down the stairs' }),
      shot({ lens: '35mm anamorphic' }),
      shot({ tags: ['Night', 'VFX'] }),
      shot({ customFields: { Location: 'Kitchen' } }),
      shot({ title: 'Nothing here' }),
    ];
    const ids = shots.map((s) => s.id);
    expect(search(shots, { text: 'cafe' })).toEqual([ids[0]]);
    expect(search(shots, { text: 'door' })).toEqual([ids[1]]);
    expect(search(shots, { text: 'OU ES' })).toEqual([ids[2]]);
    expect(search(shots, { text: 'stairs' })).toEqual([ids[3]]);
    expect(search(shots, { text: 'anamorphic' })).toEqual([ids[4]]);
    expect(search(shots, { text: 'vfx' })).toEqual([ids[5]]);
    expect(search(shots, { text: 'kitchen' })).toEqual([ids[6]]);
    expect(search(shots, { text: 'location' })).toEqual([]);
  });

  it('ANDs several words, which may come from different fields', () => {
    const both = shot({ title: 'Kitchen', lens: '50mm' });
    const one = shot({ title: 'Kitchen', lens: '35mm' });
    expect(search([both, one], { text: 'kitchen 50mm' })).toEqual([both.id]);
    expect(search([both, one], { text: '  kitchen   ' })).toEqual([both.id, one.id]);
  });

  it('matches derived and overridden shot numbers', () => {
    const sc = scene('12', 'Kitchen');
    const a = shot({ sceneId: sc.id, order: 'a1' });
    const b = shot({ sceneId: sc.id, order: 'a2' });
    const c = shot({ numberOverride: 'X7', order: 'a3' });
    expect(search([sc, a, b, c], { text: '12b' })).toEqual([b.id]);
    expect(search([sc, a, b, c], { text: 'x7' })).toEqual([c.id]);
  });

  it('filters by status, tags and scene', () => {
    const sc = scene('3');
    const a = shot({ status: 'approved', tags: ['Night'], sceneId: sc.id });
    const b = shot({ status: 'planned', tags: ['night', 'rain'] });
    const c = shot({ status: 'approved' });
    const all = [sc, a, b, c];
    expect(search(all, { statuses: ['approved'] })).toEqual([a.id, c.id]);
    expect(search(all, { statuses: ['approved', 'planned'] })).toEqual([a.id, b.id, c.id]);
    expect(search(all, { tags: ['NIGHT'] })).toEqual([a.id, b.id]);
    expect(search(all, { tags: ['night', 'rain'] })).toEqual([b.id]);
    expect(search(all, { sceneId: sc.id })).toEqual([a.id]);
    expect(search(all, { statuses: ['approved'], tags: ['night'], text: 'zzz' })).toEqual([]);
  });

  it('sees edits (records are replaced, so cached text never goes stale)', () => {
    const a = shot({ title: 'Before' });
    const store = new DocumentStore(settings(), 0, [a]);
    expect(searchShots(store, { ...EMPTY_QUERY, text: 'before' })).toEqual([a.id]);
    store.transact((tx) => tx.update<ShotRecord>(a.id, { title: 'After' }));
    expect(searchShots(store, { ...EMPTY_QUERY, text: 'before' })).toEqual([]);
    expect(searchShots(store, { ...EMPTY_QUERY, text: 'after' })).toEqual([a.id]);
  });
});

describe('helpers', () => {
  it('normalizes accents, ligature forms and case', () => {
    expect(normalizeForSearch('Été Ｃａｆé')).toBe('ete cafe');
  });

  it('lists tags in use once, sorted, keeping the first spelling', () => {
    expect(tagsInUse([shot({ tags: ['night', ' VFX '] }), shot({ tags: ['Night', 'day'] })])).toEqual(['day', 'night', 'VFX']);
  });
});
