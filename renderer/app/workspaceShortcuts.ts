import type { MenuCommand } from '../../shared/ipc/contract.ts';

/** Everything a key can do on the canvas: menu commands plus tools, nudges and alignment. */
export type ShortcutAction =
  | MenuCommand
  | 'tool-select'
  | 'tool-hand'
  | 'tool-note'
  | 'tool-arrow'
  | 'clear-selection'
  | 'nudge-left'
  | 'nudge-right'
  | 'nudge-up'
  | 'nudge-down'
  | 'nudge-left-10'
  | 'nudge-right-10'
  | 'nudge-up-10'
  | 'nudge-down-10'
  | 'edit-selected';

export function isTextEditingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

type KeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/**
 * Canvas shortcuts, following the conventions of the best canvas tools (tldraw, Figma, Miro):
 * V select, H hand (or hold Space), N note, A arrow, S shot, F fit, Shift+2 selection, Shift+0/
 * Cmd+0 100 %, Cmd/Ctrl+Z / Shift+Z undo and redo, Cmd/Ctrl+D duplicate, Cmd/Ctrl+G scene from
 * selection, arrows nudge (Shift ×10), ? shortcuts. Takes: T shows them, Mod+I imports media as
 * takes, Shift+F forks the open take with a new seed, C circles it (the shot's selected take).
 */
export function matchShortcut(event: KeyEvent): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  const lower = key.toLowerCase();
  if (mod && !event.altKey) {
    if (lower === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (lower === 'y') return 'redo';
    if (lower === 'a') return 'select-all';
    if (lower === 'd') return 'duplicate';
    if (lower === 'g') return 'group-into-scene';
    if (lower === 'i' && !event.shiftKey) return 'import-take-media';
    if (lower === 'f' && event.shiftKey) return 'filter-takes';
    if (lower === 'f' || lower === 'k') return 'search';
    if (key === '=' || key === '+') return 'zoom-in';
    if (key === '-') return 'zoom-out';
    if (key === '0') return 'zoom-reset';
    if (key === '\\') return 'toggle-inspector';
    if (key === "'") return event.shiftKey ? 'toggle-grid-snap' : 'toggle-snapping';
    if (key === '"') return 'toggle-grid-snap';
    return null;
  }
  if (event.altKey) return null;
  if (key.startsWith('Arrow')) {
    const dir = key.slice(5).toLowerCase() as 'left' | 'right' | 'up' | 'down';
    return `nudge-${dir}${event.shiftKey ? '-10' : ''}` as ShortcutAction;
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete-selection';
    case 'Escape':
      return 'clear-selection';
    case 'Enter':
      return 'edit-selected';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
      return 'zoom-out';
    case ')':
      return 'zoom-reset';
    case '@':
      return 'zoom-selection';
    case '!':
      return 'zoom-fit';
    case '?':
      return 'show-shortcuts';
  }
  if (event.shiftKey) return lower === 'f' ? 'fork-take' : lower === 'c' ? 'compare-takes' : lower === 'm' ? 'take-metrics' : null;
  switch (lower) {
    case 'v':
      return 'tool-select';
    case 'h':
      return 'tool-hand';
    case 'n':
      return 'tool-note';
    case 'a':
      return 'tool-arrow';
    case 's':
      return 'add-shot';
    case 'f':
      return 'zoom-fit';
    case 'i':
      return 'toggle-inspector';
    case 'b':
      return 'toggle-strip';
    case 't':
      return 'show-takes';
    case 'c':
      return 'circle-take';
  }
  return null;
}

export interface ShortcutSection {
  readonly title: string;
  readonly items: ReadonlyArray<{ readonly keys: string[]; readonly label: string }>;
}

/** The `?` overlay's content; kept next to the keymap so the two cannot drift apart. */
export const SHORTCUT_SECTIONS: readonly ShortcutSection[] = [
  {
    title: 'Tools',
    items: [
      { keys: ['V'], label: 'Select' },
      { keys: ['H'], label: 'Hand (or hold Space)' },
      { keys: ['N'], label: 'Sticky note' },
      { keys: ['A'], label: 'Arrow between cards' },
      { keys: ['S'], label: 'Add a shot' },
      { keys: ['Double-click'], label: 'Add a shot / edit a title' },
    ],
  },
  {
    title: 'View',
    items: [
      { keys: ['Wheel'], label: 'Zoom at the pointer' },
      { keys: ['Space', 'Drag'], label: 'Pan (also middle mouse, two-finger scroll)' },
      { keys: ['F'], label: 'Zoom to fit' },
      { keys: ['Shift', '2'], label: 'Zoom to selection' },
      { keys: ['Mod', '0'], label: 'Zoom to 100 %' },
      { keys: ['+', '−'], label: 'Zoom in / out' },
      { keys: ['I'], label: 'Inspector' },
      { keys: ['B'], label: 'Sequence strip' },
      { keys: ['Mod', 'F'], label: 'Search and filter' },
    ],
  },
  {
    title: 'Edit',
    items: [
      { keys: ['Mod', 'Z'], label: 'Undo' },
      { keys: ['Mod', 'Shift', 'Z'], label: 'Redo' },
      { keys: ['Mod', 'C'], label: 'Copy (also to another project)' },
      { keys: ['Mod', 'V'], label: 'Paste' },
      { keys: ['Mod', 'D'], label: 'Duplicate' },
      { keys: ['Delete'], label: 'Delete' },
      { keys: ['Mod', 'A'], label: 'Select all' },
      { keys: ['Shift', 'Click'], label: 'Add to / remove from selection' },
      { keys: ['Drag'], label: 'Marquee select on empty canvas' },
      { keys: ['←', '→', '↑', '↓'], label: 'Nudge (Shift: 10×)' },
      { keys: ['Mod', 'G'], label: 'Scene from selection' },
      { keys: ['Mod', "'"], label: 'Snapping on / off (hold Mod while dragging to skip)' },
      { keys: ['Mod', 'Shift', "'"], label: 'Snap to grid on / off' },
      { keys: ['Enter'], label: 'Rename the selected card' },
      { keys: ['?'], label: 'This overlay' },
    ],
  },
  {
    title: 'Takes',
    items: [
      { keys: ['T'], label: 'Show the selected shot’s takes' },
      { keys: ['Mod', 'I'], label: 'Import media as takes (or drop files on a card)' },
      { keys: ['Alt', 'Drop'], label: 'Drop a still on a card as a take, not its frame' },
      { keys: ['Shift', 'F'], label: 'Fork the open take with a new seed' },
      { keys: ['C'], label: 'Set the open take as the selected take' },
      { keys: ['Delete'], label: 'In the take list: delete the open take (undoable)' },
      { keys: ['Shift', 'C'], label: 'Compare the selected shot’s most recent takes' },
      { keys: ['Mod', 'Shift', 'F'], label: 'Filter takes across the project' },
      { keys: ['Shift', 'M'], label: 'Take metrics (hit rate, cost, defects, progress)' },
      { keys: ['J', 'K', 'L'], label: 'Player: reverse, pause, play (again: faster)' },
      { keys: ['←', '→'], label: 'Player: one frame back / forward (Shift: 10)' },
      { keys: ['I', 'O'], label: 'Player: mark in / out (trim, or the armed defect)' },
      { keys: ['Space'], label: 'Player: play / pause' },
    ],
  },
];
