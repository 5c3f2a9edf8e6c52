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
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        item('Select All', 'select-all', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'Shot',
      submenu: [item('Add Shot (S)', 'add-shot'), item('Delete Selection (Del)', 'delete-selection')],
    },
    {
      label: 'View',
      submenu: [
        item('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
        item('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
        item('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
        item('Zoom to Fit (F)', 'zoom-fit'),
        { type: 'separator' },
        item('Toggle Inspector', 'toggle-inspector', 'CmdOrCtrl+\\'),
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}
