import { describe, expect, it } from 'vitest';
import type { ShortcutSection } from '../../../../renderer/panels/help/shortcutList.ts';
import { filterSections, isMacPlatform, keyLabel } from '../../../../renderer/panels/help/shortcutList.ts';

const sections: ShortcutSection[] = [
  {
    title: 'View',
    items: [
      { keys: ['F'], label: 'Zoom to fit' },
      { keys: ['Mod', '0'], label: 'Zoom to 100 %' },
    ],
  },
  {
    title: 'Edit',
    items: [
      { keys: ['Mod', 'Shift', 'Z'], label: 'Redo' },
      { keys: ['Delete'], label: 'Delete' },
    ],
  },
  { title: 'Empty', items: [] },
];

describe('key labels', () => {
  it('shows Mod as ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
    expect(keyLabel('Mod', true)).toBe('⌘');
    expect(keyLabel('Mod', false)).toBe('Ctrl');
    expect(keyLabel('Shift', true)).toBe('⇧');
    expect(keyLabel('Alt', false)).toBe('Alt');
    expect(keyLabel('Z', true)).toBe('Z');
    expect(keyLabel('Double-click', false)).toBe('Double-click');
  });
});

describe('filterSections', () => {
  it('keeps every non-empty section for an empty query', () => {
    expect(filterSections(sections, '  ', false).map((s) => s.title)).toEqual(['View', 'Edit']);
  });

  it('matches labels, section titles and key names, every word', () => {
    expect(filterSections(sections, 'zoom', false).flatMap((s) => s.items.map((i) => i.label))).toEqual(['Zoom to fit', 'Zoom to 100 %']);
    expect(filterSections(sections, 'edit', false).flatMap((s) => s.items.map((i) => i.label))).toEqual(['Redo', 'Delete']);
    expect(filterSections(sections, 'ctrl shift', false).flatMap((s) => s.items.map((i) => i.label))).toEqual(['Redo']);
    expect(filterSections(sections, 'cmd 0', true).flatMap((s) => s.items.map((i) => i.label))).toEqual(['Zoom to 100 %']);
    expect(filterSections(sections, 'nothing like this', false)).toEqual([]);
  });
});
