import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SceneId } from '../../../shared/ids.ts';
import { deriveShotNumbers, shotLetters } from '../../../shared/model/numbering.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { scene, shot } from '../fixtures.ts';

describe('shotLetters', () => {
  it('A … Z for the first 26 shots of a scene', () => {
    expect(Array.from({ length: 26 }, (_, i) => shotLetters(i)).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });

  it('continues AA, AB … AZ, BA … ZZ, AAA like spreadsheet columns', () => {
    expect(shotLetters(26)).toBe('AA');
    expect(shotLetters(27)).toBe('AB');
    expect(shotLetters(51)).toBe('AZ');
    expect(shotLetters(52)).toBe('BA');
    expect(shotLetters(26 + 26 * 26 - 1)).toBe('ZZ');
    expect(shotLetters(26 + 26 * 26)).toBe('AAA');
  });

  it('is unique and only capital letters for every index (property)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i += 1) {
      const letters = shotLetters(i);
      expect(letters).toMatch(/^[A-Z]+$/);
      expect(seen.has(letters)).toBe(false);
      seen.add(letters);
    }
  });
});

describe('deriveShotNumbers', () => {
  it('numbers the shots of a scene with its number and letters in cut order', () => {
    const twelve = scene({ number: '12' });
    const shots = [shot({ sceneId: twelve.id }), shot({ sceneId: twelve.id }), shot({ sceneId: twelve.id })];
    const numbers = deriveShotNumbers(shots, [twelve]);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['12A', '12B', '12C']);
  });

  it('counts letters per scene, even when the scenes interleave in the cut', () => {
    const one = scene({ number: '1' });
    const two = scene({ number: '2' });
    const shots = [shot({ sceneId: one.id }), shot({ sceneId: two.id }), shot({ sceneId: one.id }), shot({ sceneId: two.id })];
    const numbers = deriveShotNumbers(shots, [one, two]);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['1A', '2A', '1B', '2B']);
  });

  it('follows the order of the list it is given (the cut), not creation or position', () => {
    const sc = scene({ number: '4' });
    const [a, b] = [shot({ sceneId: sc.id, x: 900 }), shot({ sceneId: sc.id, x: 0 })];
    expect(deriveShotNumbers([b, a], [sc]).get(b.id)).toBe('4A');
    expect(deriveShotNumbers([a, b], [sc]).get(b.id)).toBe('4B');
  });

  it('numbers shots without a scene by their position in the whole cut', () => {
    const sc = scene({ number: '7' });
    const shots = [shot(), shot({ sceneId: sc.id }), shot()];
    const numbers = deriveShotNumbers(shots, [sc]);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['1', '7A', '3']);
  });

  it('treats a missing scene or a blank scene number like no scene', () => {
    const blank = scene({ number: '   ' });
    const shots = [shot({ sceneId: blank.id }), shot({ sceneId: 'f0000000-0000-4000-8000-000000000000' as SceneId })];
    const numbers = deriveShotNumbers(shots, [blank]);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['1', '2']);
  });

  it('trims the scene number', () => {
    const sc = scene({ number: ' 12A ' });
    const s = shot({ sceneId: sc.id });
    expect(deriveShotNumbers([s], [sc]).get(s.id)).toBe('12AA');
  });

  it('a manual number wins (trimmed) and does not take a letter from the scene', () => {
    const sc = scene({ number: '3' });
    const shots = [shot({ sceneId: sc.id }), shot({ sceneId: sc.id, numberOverride: ' 3X ' }), shot({ sceneId: sc.id })];
    const numbers = deriveShotNumbers(shots, [sc]);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['3A', '3X', '3B']);
  });

  it('a manual number stays locked when the cut is reordered or the scene renumbered', () => {
    const sc = scene({ number: '3' });
    const locked = shot({ sceneId: sc.id, numberOverride: '3X' });
    const others = [shot({ sceneId: sc.id }), shot({ sceneId: sc.id })];
    for (const order of [
      [locked, ...others],
      [...others, locked],
      [others[0]!, locked, others[1]!],
    ]) {
      expect(deriveShotNumbers(order, [sc]).get(locked.id)).toBe('3X');
      expect(deriveShotNumbers(order, [{ ...sc, number: '99' }]).get(locked.id)).toBe('3X');
    }
  });

  it('a blank manual number is no override', () => {
    const s = shot({ numberOverride: '  ' });
    expect(deriveShotNumbers([s], []).get(s.id)).toBe('1');
  });

  it('numbers every shot exactly once', () => {
    const sc = scene({ number: '5' });
    const shots = [shot(), shot({ sceneId: sc.id }), shot({ numberOverride: 'X1' })];
    const numbers = deriveShotNumbers(shots, [sc]);
    expect([...numbers.keys()].sort()).toEqual(shots.map((s) => s.id).sort());
  });

  it('gives unique numbers when no overrides are set and scene numbers are distinct non-numeric labels (property)', () => {
    // Scene numbers that cannot look like a cut position ("1") or like another scene plus letters.
    const scenes = ['S1-', 'S2-', 'S3-'].map((number) => scene({ number }));
    const shotsArb = fc.array(fc.option(fc.constantFrom(...scenes.map((s) => s.id)), { nil: null }), { maxLength: 80 });
    fc.assert(
      fc.property(shotsArb, (sceneIds) => {
        const shots: ShotRecord[] = sceneIds.map((sceneId) => shot({ sceneId }));
        const numbers = [...deriveShotNumbers(shots, scenes).values()];
        expect(numbers).toHaveLength(shots.length);
        expect(new Set(numbers).size).toBe(numbers.length);
      }),
      { numRuns: 200 },
    );
  });

  it('gives unique numbers with overrides that collide with nothing derived (property)', () => {
    const sc = scene({ number: '8' });
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (overridden) => {
        // Overrides in their own namespace ("M<i>") cannot collide with "8A…" or cut positions.
        const shots = overridden.map((o, i) => shot({ sceneId: i % 2 === 0 ? sc.id : null, numberOverride: o ? `M${i}` : null }));
        const numbers = [...deriveShotNumbers(shots, [sc]).values()];
        expect(new Set(numbers).size).toBe(shots.length);
      }),
      { numRuns: 200 },
    );
  });
});
