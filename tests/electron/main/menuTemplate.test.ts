import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../shared/ipc/contract.ts';
import { MENU_COMMANDS } from '../../../shared/ipc/contract.ts';
import { buildMenuTemplate } from '../../../electron/main/menuTemplate.ts';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform = 'linux', isDev = false) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ appName: 'Shotcanvas', platform, isDev, send: (command) => sent.push(command) });
  return { template, sent };
}

function submenuOf(item: Item | undefined): Item[] {
  if (!item || !Array.isArray(item.submenu)) throw new Error(`${item?.label ?? 'menu'} has no submenu array`);
  return item.submenu;
}

function allItems(template: readonly Item[]): Item[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function click(item: Item): void {
  if (!item.click) throw new Error(`${item.label ?? item.role ?? '?'} has no click handler`);
  (item.click as () => void)();
}

/** Clicks every item that has a click handler and returns label → command sent. */
function commandsByLabel(template: readonly Item[], sent: MenuCommand[]): Map<string, MenuCommand> {
  const map = new Map<string, MenuCommand>();
  for (const item of allItems(template).filter((i) => i.click)) {
    const before = sent.length;
    click(item);
    expect(sent.length, item.label).toBe(before + 1);
    map.set(item.label ?? '', sent[sent.length - 1]!);
  }
  return map;
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, Shot, View and Window menus (and no app menu off macOS)', () => {
    const { template } = build('linux');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Shot', 'View', 'windowMenu', 'Help']);
    expect(submenuOf(template[0]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('gets the app menu first on macOS, with quit there rather than in File', () => {
    const { template } = build('darwin');
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Shotcanvas', 'File', 'Edit', 'Shot', 'View', 'windowMenu', 'Help']);
    const appMenu = submenuOf(template[0]);
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(submenuOf(template[1]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('sends the right MenuCommand for each item, and only commands in MENU_COMMANDS', () => {
    const { template, sent } = build('linux');
    const commands = commandsByLabel(template, sent);
    expect(Object.fromEntries(commands)).toEqual({
      'New Project…': 'new-project',
      'Open Project…': 'open-project',
      'Import Project Bundle…': 'import-bundle',
      'Export Project Bundle…': 'export-bundle',
      'Project History': 'project-history',
      'Close Project': 'close-project',
      Undo: 'undo',
      Redo: 'redo',
      Duplicate: 'duplicate',
      'Select All': 'select-all',
      'Find and Filter…': 'search',
      'Add Shot (S)': 'add-shot',
      'Add Note (N)': 'add-note',
      'Group into Scene': 'group-into-scene',
      'Import Media as Takes…': 'import-take-media',
      'Show Takes (T)': 'show-takes',
      'Fork Take with a New Seed (Shift+F)': 'fork-take',
      'Set as Selected Take (C)': 'circle-take',
      'Compare Takes (Shift+C)': 'compare-takes',
      'Filter Takes…': 'filter-takes',
      'Take Metrics (Shift+M)': 'take-metrics',
      'Delete Selection (Del)': 'delete-selection',
      'Zoom In': 'zoom-in',
      'Zoom Out': 'zoom-out',
      'Actual Size': 'zoom-reset',
      'Zoom to Fit (F)': 'zoom-fit',
      'Zoom to Selection (Shift+2)': 'zoom-selection',
      Snapping: 'toggle-snapping',
      'Snap to Grid': 'toggle-grid-snap',
      'Toggle Inspector': 'toggle-inspector',
      'Toggle Sequence Strip (B)': 'toggle-strip',
      'Keyboard Shortcuts (?)': 'show-shortcuts',
    });
    for (const command of sent) expect(MENU_COMMANDS).toContain(command);
    // Every command the renderer understands is reachable from the menu.
    expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
  });

  it('gives app-level commands their accelerators', () => {
    const { template } = build('linux');
    const accelerators = Object.fromEntries(
      allItems(template)
        .filter((i) => i.accelerator)
        .map((i) => [i.label, i.accelerator]),
    );
    expect(accelerators).toEqual({
      'New Project…': 'CmdOrCtrl+N',
      'Open Project…': 'CmdOrCtrl+O',
      'Close Project': 'CmdOrCtrl+W',
      Undo: 'CmdOrCtrl+Z',
      Redo: 'CmdOrCtrl+Shift+Z',
      Duplicate: 'CmdOrCtrl+D',
      'Select All': 'CmdOrCtrl+A',
      'Find and Filter…': 'CmdOrCtrl+F',
      'Filter Takes…': 'CmdOrCtrl+Shift+F',
      'Group into Scene': 'CmdOrCtrl+G',
      'Import Media as Takes…': 'CmdOrCtrl+I',
      Snapping: "CmdOrCtrl+'",
      'Snap to Grid': "CmdOrCtrl+Shift+'",
      'Zoom In': 'CmdOrCtrl+=',
      'Zoom Out': 'CmdOrCtrl+-',
      'Actual Size': 'CmdOrCtrl+0',
      'Toggle Inspector': 'CmdOrCtrl+\\',
    });
  });

  it('leaves single-key canvas commands without accelerators, so typing in a field never fires them', () => {
    const { template } = build('linux');
    const byLabel = new Map(allItems(template).map((i) => [i.label, i]));
    for (const label of [
      'Add Shot (S)',
      'Add Note (N)',
      'Delete Selection (Del)',
      'Zoom to Fit (F)',
      'Toggle Sequence Strip (B)',
      'Show Takes (T)',
      'Fork Take with a New Seed (Shift+F)',
      'Set as Selected Take (C)',
      'Compare Takes (Shift+C)',
      'Take Metrics (Shift+M)',
    ]) {
      expect(byLabel.get(label), label).toBeDefined();
      expect(byLabel.get(label)?.accelerator, label).toBeUndefined();
    }
    for (const item of allItems(template)) {
      if (typeof item.accelerator === 'string') expect(item.accelerator, item.label).toMatch(/^CmdOrCtrl\+/);
    }
  });

  it('uses Electron roles for native clipboard, and routes undo/redo through the renderer (which also undoes text fields)', () => {
    const edit = submenuOf(build('linux').template[1]);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste']);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean, platform: NodeJS.Platform) =>
      allItems(build(platform, isDev).template)
        .map((i) => i.role)
        .filter(Boolean);
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(roles(false, platform), platform).not.toContain('toggleDevTools');
      expect(roles(false, platform), platform).not.toContain('reload');
      expect(roles(false, platform), platform).not.toContain('forceReload');
      expect(roles(true, platform), platform).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    }
  });
});
