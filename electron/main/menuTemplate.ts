import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract.ts';

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  readonly send: (command: MenuCommand) => void;
}

/**
 * The native menu. App-level commands get accelerators; canvas keys (S, Delete, V, H) stay with
 * the renderer so they never fire while typing in a text field. Edit items use Electron roles so
 * text fields get native undo/cut/copy/paste.
 */
export function buildMenuTemplate({ appName, platform, isDev, send }: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        item('New Project…', 'new-project', 'CmdOrCtrl+N'),
        item('Open Project…', 'open-project', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Import Project Bundle…', 'import-bundle'),
        item('Export Project Bundle…', 'export-bundle'),
        item('Project History', 'project-history'),
        { type: 'separator' },
        item('Close Project', 'close-project', 'CmdOrCtrl+W'),
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/redo go to the renderer, which undoes the document or, inside a text field, the
        // field's own text. The renderer preventDefaults keys it handles, and Electron only runs a
        // menu accelerator for keys the page left unhandled, so one key press never undoes twice.
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
        { type: 'separator' },
        item('Select All', 'select-all', 'CmdOrCtrl+A'),
        item('Find and Filter…', 'search', 'CmdOrCtrl+F'),
        item('Filter Takes…', 'filter-takes', 'CmdOrCtrl+Shift+F'),
      ],
    },
    {
      label: 'Shot',
      submenu: [
        item('Add Shot (S)', 'add-shot'),
        item('Add Note (N)', 'add-note'),
        item('Group into Scene', 'group-into-scene', 'CmdOrCtrl+G'),
        { type: 'separator' },
        item('Import Media as Takes…', 'import-take-media', 'CmdOrCtrl+I'),
        item('Show Takes (T)', 'show-takes'),
        item('Fork Take with a New Seed (Shift+F)', 'fork-take'),
        item('Set as Selected Take (C)', 'circle-take'),
        item('Compare Takes (Shift+C)', 'compare-takes'),
        { type: 'separator' },
        item('Delete Selection (Del)', 'delete-selection'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
        item('Zoom to Fit (F)', 'zoom-fit'),
        item('Zoom to Selection (Shift+2)', 'zoom-selection'),
        { type: 'separator' },
        item('Snapping', 'toggle-snapping', "CmdOrCtrl+'"),
        item('Snap to Grid', 'toggle-grid-snap', "CmdOrCtrl+Shift+'"),
        { type: 'separator' },
        item('Toggle Inspector', 'toggle-inspector', 'CmdOrCtrl+\\'),
        item('Take Metrics (Shift+M)', 'take-metrics'),
        item('Toggle Sequence Strip (B)', 'toggle-strip'),
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
    { label: 'Help', submenu: [item('Keyboard Shortcuts (?)', 'show-shortcuts')] },
  );
  return template;
}
