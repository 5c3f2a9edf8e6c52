import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isTextEditingTarget, matchShortcut } from '../../../renderer/app/workspaceShortcuts.ts';

type Keys = Parameters<typeof matchShortcut>[0];
const key = (k: string, mods: Partial<Omit<Keys, 'key'>> = {}): Keys => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('matchShortcut', () => {
  it.each([
    ['v', 'tool-select'],
    ['V', 'tool-select'],
    ['h', 'tool-hand'],
    ['n', 'tool-note'],
    ['a', 'tool-arrow'],
    ['s', 'add-shot'],
    ['b', 'toggle-strip'],
    ['f', 'zoom-fit'],
    ['i', 'toggle-inspector'],
    ['t', 'show-takes'],
    ['c', 'circle-take'],
    ['Delete', 'delete-selection'],
    ['Backspace', 'delete-selection'],
    ['Escape', 'clear-selection'],
    ['Enter', 'edit-selected'],
    ['ArrowLeft', 'nudge-left'],
    ['ArrowRight', 'nudge-right'],
    ['ArrowUp', 'nudge-up'],
    ['ArrowDown', 'nudge-down'],
    ['@', 'zoom-selection'],
    ['?', 'show-shortcuts'],
    ['+', 'zoom-in'],
    ['=', 'zoom-in'],
    ['-', 'zoom-out'],
    [')', 'zoom-reset'],
    ['!', 'zoom-fit'],
  ] as const)('%s → %s', (k, action) => {
    expect(matchShortcut(key(k))).toBe(action);
  });

  it.each(['ctrlKey', 'metaKey'] as const)('with %s: select all, zoom, inspector', (mod) => {
    expect(matchShortcut(key('a', { [mod]: true }))).toBe('select-all');
    expect(matchShortcut(key('A', { [mod]: true, shiftKey: true }))).toBe('select-all');
    expect(matchShortcut(key('=', { [mod]: true }))).toBe('zoom-in');
    expect(matchShortcut(key('+', { [mod]: true }))).toBe('zoom-in');
    expect(matchShortcut(key('-', { [mod]: true }))).toBe('zoom-out');
    expect(matchShortcut(key('0', { [mod]: true }))).toBe('zoom-reset');
    expect(matchShortcut(key('\\', { [mod]: true }))).toBe('toggle-inspector');
  });

  it.each(['ctrlKey', 'metaKey'] as const)('with %s: undo, redo, duplicate, scene, search, snapping', (mod) => {
    expect(matchShortcut(key('z', { [mod]: true }))).toBe('undo');
    expect(matchShortcut(key('Z', { [mod]: true, shiftKey: true }))).toBe('redo');
    expect(matchShortcut(key('y', { [mod]: true }))).toBe('redo');
    expect(matchShortcut(key('d', { [mod]: true }))).toBe('duplicate');
    expect(matchShortcut(key('g', { [mod]: true }))).toBe('group-into-scene');
    expect(matchShortcut(key('f', { [mod]: true }))).toBe('search');
    expect(matchShortcut(key('k', { [mod]: true }))).toBe('search');
    expect(matchShortcut(key("'", { [mod]: true }))).toBe('toggle-snapping');
    expect(matchShortcut(key("'", { [mod]: true, shiftKey: true }))).toBe('toggle-grid-snap');
    expect(matchShortcut(key('"', { [mod]: true, shiftKey: true }))).toBe('toggle-grid-snap');
  });

  it('takes: Mod+I imports media, Shift+F forks with a new seed, C circles', () => {
    expect(matchShortcut(key('i', { ctrlKey: true }))).toBe('import-take-media');
    expect(matchShortcut(key('i', { metaKey: true }))).toBe('import-take-media');
    expect(matchShortcut(key('F', { shiftKey: true }))).toBe('fork-take');
    expect(matchShortcut(key('C'))).toBe('circle-take');
    expect(matchShortcut(key('c', { altKey: true }))).toBeNull();
  });

  it('nudges ten times further with Shift', () => {
    for (const dir of ['Left', 'Right', 'Up', 'Down']) expect(matchShortcut(key(`Arrow${dir}`, { shiftKey: true }))).toBe(`nudge-${dir.toLowerCase()}-10`);
  });

  it('leaves Ctrl/Cmd combinations it does not own to the browser and OS (copy and paste go through clipboard events)', () => {
    for (const k of ['s', 'c', 'v', 'x', 'Delete', 'h', 'ArrowLeft']) {
      expect(matchShortcut(key(k, { ctrlKey: true }))).toBeNull();
      expect(matchShortcut(key(k, { metaKey: true }))).toBeNull();
    }
  });

  it('ignores Alt combinations (they type characters on many layouts)', () => {
    for (const k of ['v', 'a', 'Delete', '+', 's']) {
      expect(matchShortcut(key(k, { altKey: true }))).toBeNull();
      expect(matchShortcut(key(k, { altKey: true, ctrlKey: true }))).toBeNull();
    }
  });

  it('does not add a shot on Shift+S (nor run any other letter tool with Shift)', () => {
    for (const k of ['S', 'V', 'N', 'A', 'H']) expect(matchShortcut(key(k, { shiftKey: true }))).toBeNull();
  });

  it('returns null for unrelated keys', () => {
    for (const k of ['x', 'Tab', ' ', '0', '1', 'F5']) expect(matchShortcut(key(k))).toBeNull();
  });
});

describe('isTextEditingTarget', () => {
  // The unit tests run without a DOM; a stand-in HTMLElement is enough for this instanceof check.
  class FakeElement {
    readonly tagName: string;
    readonly isContentEditable: boolean;
    constructor(tagName: string, isContentEditable = false) {
      this.tagName = tagName;
      this.isContentEditable = isContentEditable;
    }
  }
  beforeEach(() => vi.stubGlobal('HTMLElement', FakeElement));
  afterEach(() => vi.unstubAllGlobals());
  const element = (tag: string, editable = false) => new FakeElement(tag, editable) as unknown as EventTarget;

  it.each(['INPUT', 'TEXTAREA', 'SELECT'])('is true for %s', (tag) => {
    expect(isTextEditingTarget(element(tag))).toBe(true);
  });

  it('is true for contenteditable elements', () => {
    expect(isTextEditingTarget(element('DIV', true))).toBe(true);
  });

  it('is false for other elements, non-elements and null', () => {
    expect(isTextEditingTarget(element('CANVAS'))).toBe(false);
    expect(isTextEditingTarget(element('BUTTON'))).toBe(false);
    expect(isTextEditingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(false);
    expect(isTextEditingTarget(null)).toBe(false);
  });
});
