import type { MenuCommand } from '../../shared/ipc/contract.ts';

export type ShortcutAction = MenuCommand | 'tool-select' | 'tool-hand' | 'clear-selection';

export function isTextEditingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Canvas shortcuts, following the conventions of the best canvas tools (V select, H hand, F fit,
 * Ctrl/Cmd+A all, Delete/Backspace delete, +/− zoom, Shift+0/1 zoom 100 %/fit).
 */
export function matchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && !event.altKey) {
    if (key.toLowerCase() === 'a') return 'select-all';
    if (key === '=' || key === '+') return 'zoom-in';
    if (key === '-') return 'zoom-out';
    if (key === '0') return 'zoom-reset';
    if (key === '\\') return 'toggle-inspector';
    return null;
  }
  if (event.altKey) return null;
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete-selection';
    case 'Escape':
      return 'clear-selection';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
      return 'zoom-out';
    case ')':
      return 'zoom-reset';
    case '!':
      return 'zoom-fit';
  }
  switch (key.toLowerCase()) {
    case 'v':
      return 'tool-select';
    case 'h':
      return 'tool-hand';
    case 's':
      return event.shiftKey ? null : 'add-shot';
    case 'f':
      return 'zoom-fit';
    case 'i':
      return 'toggle-inspector';
  }
  return null;
}
