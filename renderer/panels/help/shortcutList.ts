import { normalizeForSearch, queryWords } from '../../editor/search.ts';

export interface ShortcutItem {
  /** The keys pressed together, e.g. ['Mod', 'Shift', 'Z']; `Mod` is ⌘ on a Mac, Ctrl elsewhere. */
  readonly keys: readonly string[];
  readonly label: string;
}

export interface ShortcutSection {
  readonly title: string;
  readonly items: readonly ShortcutItem[];
}

/**
 * How key names of the shortcut list read on this platform: `Mod` is ⌘ on a Mac and Ctrl
 * elsewhere; modifiers use the Mac symbols there (⌥ ⇧ ⌃) and words elsewhere.
 */
export function isMacPlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

const MAC: Readonly<Record<string, string>> = {
  mod: '⌘',
  cmd: '⌘',
  command: '⌘',
  meta: '⌘',
  ctrl: '⌃',
  control: '⌃',
  alt: '⌥',
  option: '⌥',
  shift: '⇧',
  enter: '↵',
  return: '↵',
  backspace: '⌫',
  delete: '⌫',
  escape: 'Esc',
  esc: 'Esc',
};

const OTHER: Readonly<Record<string, string>> = {
  mod: 'Ctrl',
  cmd: 'Ctrl',
  command: 'Ctrl',
  meta: 'Win',
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  enter: 'Enter',
  return: 'Enter',
  backspace: 'Backspace',
  delete: 'Delete',
  escape: 'Esc',
  esc: 'Esc',
};

export function keyLabel(key: string, mac: boolean): string {
  return (mac ? MAC : OTHER)[key.toLowerCase()] ?? key;
}

/** The words a key is found by in the overlay's filter (typing "ctrl" or "cmd" finds `Mod` shortcuts). */
export function keySearchText(key: string, mac: boolean): string {
  const lower = key.toLowerCase();
  return `${lower} ${keyLabel(key, mac).toLowerCase()}${lower === 'mod' ? ' ctrl cmd command ⌘' : ''}`;
}

/** Sections with only the items whose label, section title or keys contain every typed word. */
export function filterSections(sections: readonly ShortcutSection[], query: string, mac: boolean): ShortcutSection[] {
  const words = queryWords(query);
  if (words.length === 0) return sections.filter((s) => s.items.length > 0);
  const result: ShortcutSection[] = [];
  for (const section of sections) {
    const title = normalizeForSearch(section.title);
    const items = section.items.filter((item) => {
      const text = `${title} ${normalizeForSearch(item.label)} ${item.keys.map((k) => keySearchText(k, mac)).join(' ')}`;
      return words.every((w) => text.includes(w));
    });
    if (items.length > 0) result.push({ title: section.title, items });
  }
  return result;
}
