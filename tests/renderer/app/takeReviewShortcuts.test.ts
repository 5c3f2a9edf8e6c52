import { describe, expect, it } from 'vitest';
import { SHORTCUT_SECTIONS, matchShortcut } from '../../../renderer/app/workspaceShortcuts.ts';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('take review shortcuts', () => {
  it('Shift+C compares takes, Shift+M opens metrics, Mod+Shift+F filters takes', () => {
    expect(matchShortcut(key('C', { shift: true }))).toBe('compare-takes');
    expect(matchShortcut(key('M', { shift: true }))).toBe('take-metrics');
    expect(matchShortcut(key('F', { ctrl: true, shift: true }))).toBe('filter-takes');
    // The neighbours keep their meaning.
    expect(matchShortcut(key('f', { ctrl: true }))).toBe('search');
    expect(matchShortcut(key('F', { shift: true }))).toBe('fork-take');
    expect(matchShortcut(key('c'))).toBe('circle-take');
  });

  it('lists them in the shortcuts overlay', () => {
    const labels = SHORTCUT_SECTIONS.flatMap((s) => s.items.map((i) => `${i.keys.join('+')} ${i.label}`));
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Shift\+C Compare/),
        expect.stringMatching(/^Shift\+M Take metrics/),
        expect.stringMatching(/^Mod\+Shift\+F Filter takes/),
      ]),
    );
  });
});
