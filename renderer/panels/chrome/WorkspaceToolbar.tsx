import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import {
  ChartColumn,
  ChevronLeft,
  Columns2,
  Funnel,
  Grid3x3,
  History as HistoryIcon,
  Keyboard,
  Magnet,
  MoreHorizontal,
  Package,
  PanelRight,
  Plus,
  Redo2,
  Search,
  Undo2,
  X,
  ZoomIn,
  ZoomOut,
} from 'lucide-react';
import { useSyncExternalStore } from 'react';
import type { ShortcutAction } from '../../app/workspaceShortcuts.ts';
import type { CameraState } from '../../editor/cameraState.ts';
import type { History } from '../../editor/history.ts';
import type { SaveState } from '../../db/snapshotScheduler.ts';
import { IconButton } from './IconButton.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

interface Props {
  readonly name: string;
  readonly meta: string;
  readonly shotCount: number;
  readonly camera: CameraState;
  readonly saveState: SaveState;
  readonly readOnly: boolean;
  readonly rightPanel: 'inspector' | 'history' | 'take-query' | null;
  readonly history: History;
  readonly onCommand: (command: ShortcutAction) => void;
  readonly onRetrySave: () => void;
  readonly onBack: () => void;
}

/**
 * The zoom percentage, subscribed to the camera on its own so a zoom re-renders this text only
 * (never the workspace) and at most once per frame.
 */
function ZoomPercent({ camera }: { camera: CameraState }) {
  const percent = useSyncExternalStore(
    (notify) => {
      let frame = 0;
      const off = camera.subscribe(() => {
        if (!frame)
          frame = requestAnimationFrame(() => {
            frame = 0;
            notify();
          });
      });
      return () => {
        off();
        if (frame) cancelAnimationFrame(frame);
      };
    },
    () => Math.round(camera.camera.zoom * 100),
  );
  return <>{percent}%</>;
}

/** The 40 px bar: project name, save state, counts, zoom, add shot, panels, project menu. */
export function WorkspaceToolbar({ name, meta, shotCount, camera, saveState, readOnly, rightPanel, history, onCommand, onRetrySave, onBack }: Props) {
  const undo = useSyncExternalStore(
    (notify) => history.subscribe(notify),
    () => (history.canUndo ? 1 : 0) + (history.canRedo ? 2 : 0),
  );
  return (
    <header className="toolbar" role="toolbar" aria-label="Project toolbar">
      <div className="toolbar-left">
        <button type="button" className="btn btn-ghost toolbar-back" onClick={onBack} aria-label="Back to projects">
          <ChevronLeft size={16} />
        </button>
        <span className="brand-mark small" aria-hidden="true" />
        <span className="project-title" data-testid="project-title">
          {name}
        </span>
        <span className="toolbar-meta tabular">{meta}</span>
        {readOnly ? (
          <span className="read-only-badge" data-testid="read-only-badge">
            Read-only
          </span>
        ) : (
          <SaveIndicator state={saveState} onRetry={onRetrySave} />
        )}
      </div>
      <div className="toolbar-right">
        <div className="zoom-group" role="group" aria-label="Undo and redo">
          <button
            type="button"
            className="icon-btn"
            aria-label="Undo"
            title="Undo (Ctrl/Cmd+Z)"
            disabled={readOnly || !(undo & 1)}
            onClick={() => onCommand('undo')}
          >
            <Undo2 size={15} />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label="Redo"
            title="Redo (Ctrl/Cmd+Shift+Z)"
            disabled={readOnly || !(undo & 2)}
            onClick={() => onCommand('redo')}
          >
            <Redo2 size={15} />
          </button>
        </div>
        <span className="toolbar-meta tabular" data-testid="shot-count">
          {shotCount} {shotCount === 1 ? 'shot' : 'shots'}
        </span>
        <div className="zoom-group" role="group" aria-label="Zoom">
          <button type="button" className="icon-btn" aria-label="Zoom out" onClick={() => onCommand('zoom-out')}>
            <ZoomOut size={15} />
          </button>
          <button
            type="button"
            className="zoom-readout tabular"
            aria-label="Zoom to fit"
            title="Zoom to fit (F)"
            onClick={() => onCommand('zoom-fit')}
            data-testid="zoom-readout"
          >
            <ZoomPercent camera={camera} />
          </button>
          <button type="button" className="icon-btn" aria-label="Zoom in" onClick={() => onCommand('zoom-in')}>
            <ZoomIn size={15} />
          </button>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => onCommand('add-shot')} disabled={readOnly}>
          <Plus size={15} /> Shot
        </button>
        <IconButton
          label={rightPanel === 'history' ? 'Hide project history' : 'Project history'}
          pressed={rightPanel === 'history'}
          onClick={() => onCommand('project-history')}
        >
          <HistoryIcon size={16} />
        </IconButton>
        <IconButton
          label={rightPanel === 'inspector' ? 'Hide inspector' : 'Show inspector'}
          shortcut="I"
          pressed={rightPanel === 'inspector'}
          onClick={() => onCommand('toggle-inspector')}
        >
          <PanelRight size={16} />
        </IconButton>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="icon-btn" aria-label="Project menu">
              <MoreHorizontal size={16} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('search')}>
                <Search size={14} /> Search and filter
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('toggle-snapping')}>
                <Magnet size={14} /> Snapping on / off
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('toggle-grid-snap')}>
                <Grid3x3 size={14} /> Snap to grid on / off
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('show-shortcuts')}>
                <Keyboard size={14} /> Keyboard shortcuts
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('filter-takes')}>
                <Funnel size={14} /> Filter takes
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('compare-takes')}>
                <Columns2 size={14} /> Compare takes
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('take-metrics')}>
                <ChartColumn size={14} /> Take metrics
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('project-history')}>
                <HistoryIcon size={14} /> Project history
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('export-bundle')}>
                <Package size={14} /> Export bundle…
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => onCommand('close-project')}>
                <X size={14} /> Close project
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </header>
  );
}
