import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { AlertTriangle, Clapperboard, Copy, FolderOpen, MoreHorizontal, Package, Pencil, Plus, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { HostInfo, ProjectSummary } from '../../../shared/ipc/contract.ts';
import { findFrameRate } from '../../../shared/model/frameRate.ts';
import { callMain, onMainEvent } from '../../platform/mainBridge.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { TextPromptDialog } from '../common/TextPromptDialog.tsx';
import { useBundleActions } from '../bundles/useBundleActions.tsx';
import { CreateProjectDialog } from './CreateProjectDialog.tsx';
import { FolderPickerDialog } from './FolderPickerDialog.tsx';
import { formatRelativeTime } from './relativeTime.ts';

interface Props {
  readonly host: HostInfo;
  readonly onOpen: (project: Pick<ProjectSummary, 'path' | 'name'>) => void;
  /** A bundle the OS asked to open (file association), or an import asked for from a menu. */
  readonly pendingImport: { readonly bundlePath: string | null } | null;
  readonly onPendingImportHandled: () => void;
}

type Pending =
  | { readonly kind: 'none' }
  | { readonly kind: 'create' }
  | { readonly kind: 'pick' }
  | { readonly kind: 'rename' | 'duplicate' | 'trash'; readonly project: ProjectSummary };

/** The start screen: every project in the workspace and recently opened elsewhere. */
export function ProjectLibraryScreen({ host, onOpen, pendingImport, onPendingImportHandled }: Props) {
  const [projects, setProjects] = useState<readonly ProjectSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>({ kind: 'none' });

  const [listedAt, setListedAt] = useState(() => Date.now());
  const refresh = useCallback(
    () =>
      callMain('listProjects').then((result) => {
        setListedAt(Date.now());
        if (result.ok) {
          setProjects(result.value);
          setLoadError(null);
        } else setLoadError(result.error.message);
      }),
    [],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const afterImport = useCallback(
    (project: { path: string; name: string }) => {
      void refresh();
      onOpen(project);
    },
    [refresh, onOpen],
  );
  const bundles = useBundleActions(host, afterImport);
  const { importFrom, pickAndImport } = bundles;

  useEffect(() => {
    if (!pendingImport) return;
    onPendingImportHandled();
    if (pendingImport.bundlePath) void importFrom(pendingImport.bundlePath);
    else void pickAndImport();
  }, [pendingImport, onPendingImportHandled, importFrom, pickAndImport]);

  const openOther = async () => {
    if (host.kind === 'web') {
      setPending({ kind: 'pick' });
      return;
    }
    const picked = await callMain('showOpenDialog', { purpose: 'open-project' });
    if (!picked.ok) toast.error('Could not show the Open dialog', { description: picked.error.message });
    else if (picked.value.path) onOpen({ path: picked.value.path, name: picked.value.path.split(/[\\/]/).pop() ?? 'project' });
  };

  const close = () => setPending({ kind: 'none' });

  // Native menu commands that make sense in the library (desktop; the web host has none).
  const openOtherRef = useRef(openOther);
  useEffect(() => {
    openOtherRef.current = openOther;
  });
  useEffect(
    () =>
      onMainEvent('menuCommand', ({ command }) => {
        if (command === 'new-project') setPending({ kind: 'create' });
        else if (command === 'open-project') void openOtherRef.current();
        else if (command === 'import-bundle') void pickAndImport();
      }),
    [pickAndImport],
  );

  return (
    <div className="library">
      <header className="library-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Shotcanvas</span>
        </div>
        <div className="library-actions">
          <button type="button" className="btn" onClick={() => void pickAndImport()}>
            <Package size={15} /> Import bundle…
          </button>
          <button type="button" className="btn" onClick={() => void openOther()}>
            <FolderOpen size={15} /> Open…
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setPending({ kind: 'create' })}>
            <Plus size={15} /> New project
          </button>
        </div>
      </header>

      <main className="library-main">
        <div className="library-title-row">
          <h1 className="library-title">Projects</h1>
          <span className="library-subtitle mono" title="Workspace folder">
            {host.workspaceDir}
          </span>
        </div>
        {loadError ? (
          <p className="field-error" role="alert">
            {loadError}
          </p>
        ) : null}
        {projects && projects.length === 0 ? (
          <div className="empty-state">
            <Clapperboard size={36} strokeWidth={1.25} />
            <h2>No projects yet</h2>
            <p>Create a project to start planning shots on the canvas.</p>
            <button type="button" className="btn btn-primary" onClick={() => setPending({ kind: 'create' })}>
              <Plus size={15} /> New project
            </button>
          </div>
        ) : null}
        <ul className="project-list" aria-label="Projects">
          {projects?.map((project) => (
            <ProjectRow
              key={project.path}
              project={project}
              now={listedAt}
              onOpen={onOpen}
              onAction={(kind) => (kind === 'export' ? void bundles.exportProject(project) : setPending({ kind, project }))}
            />
          ))}
        </ul>
      </main>

      {bundles.dialogs}
      <CreateProjectDialog
        open={pending.kind === 'create'}
        workspaceDir={host.workspaceDir}
        onCancel={close}
        onCreated={(summary) => {
          close();
          onOpen(summary);
        }}
      />
      <FolderPickerDialog
        open={pending.kind === 'pick'}
        title="Open project"
        onCancel={close}
        onPick={(path) => {
          close();
          onOpen({ path, name: path.split(/[\\/]/).pop() ?? 'project' });
        }}
      />
      <TextPromptDialog
        open={pending.kind === 'rename'}
        title="Rename project"
        label="Name"
        submitLabel="Rename"
        initialValue={pending.kind === 'rename' ? pending.project.name : ''}
        onCancel={close}
        onSubmit={async (name) => {
          if (pending.kind !== 'rename') return { ok: true, value: null };
          const result = await callMain('renameProject', { path: pending.project.path, name });
          if (result.ok) {
            close();
            void refresh();
          }
          return result;
        }}
      />
      <TextPromptDialog
        open={pending.kind === 'duplicate'}
        title="Duplicate project"
        label="Name of the copy"
        submitLabel="Duplicate"
        initialValue={pending.kind === 'duplicate' ? `${pending.project.name} copy` : ''}
        onCancel={close}
        onSubmit={async (name) => {
          if (pending.kind !== 'duplicate') return { ok: true, value: null };
          const result = await callMain('duplicateProject', { path: pending.project.path, name });
          if (result.ok) {
            close();
            toast.success(`Duplicated as "${result.value.name}"`);
            void refresh();
          }
          return result;
        }}
      />
      <ConfirmDialog
        open={pending.kind === 'trash'}
        title={pending.kind === 'trash' ? `Move "${pending.project.name}" to the trash?` : ''}
        message={
          host.kind === 'web'
            ? 'The project folder, with its media, moves to the .trash folder of your workspace. You can move it back from there.'
            : 'The project folder, with its media, moves to the trash. You can restore it from there.'
        }
        confirmLabel="Move to trash"
        destructive
        onCancel={close}
        onConfirm={async () => {
          if (pending.kind !== 'trash') return;
          const result = await callMain('trashProject', { path: pending.project.path });
          if (result.ok) {
            toast.success(`Moved "${pending.project.name}" to the trash`, { description: result.value.location });
            close();
            void refresh();
          } else toast.error(`Could not move "${pending.project.name}" to the trash`, { description: result.error.message });
        }}
      />
    </div>
  );
}

function ProjectRow({
  project,
  now,
  onOpen,
  onAction,
}: {
  project: ProjectSummary;
  now: number;
  onOpen: Props['onOpen'];
  onAction: (kind: 'rename' | 'duplicate' | 'trash' | 'export') => void;
}) {
  const rate = project.frameRate ? (findFrameRate(project.frameRate)?.label ?? `${project.frameRate.num}/${project.frameRate.den} fps`) : null;
  const broken = project.problem !== null;
  return (
    <li className={`project-row${broken ? ' broken' : ''}`}>
      <button type="button" className="project-open" onClick={() => onOpen(project)} aria-label={`Open ${project.name}`}>
        <span className="project-thumb" aria-hidden="true">
          {broken ? <AlertTriangle size={18} /> : <Clapperboard size={18} strokeWidth={1.5} />}
        </span>
        <span className="project-text">
          <span className="project-name">{project.name}</span>
          {broken ? (
            <span className="project-problem">{project.problem}</span>
          ) : (
            <span className="project-meta tabular">
              {project.shotCount} {project.shotCount === 1 ? 'shot' : 'shots'} · {rate} · {project.width}×{project.height}
            </span>
          )}
        </span>
        <span className="project-path mono" title={project.path}>
          {/* The left-to-right mark keeps the leading "/" in place in this right-aligned (rtl) ellipsis. */}
          {`\u200e${project.path}`}
        </span>
        <span className="project-time tabular">{project.savedAt ? `Saved ${formatRelativeTime(project.savedAt, now)}` : ''}</span>
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="icon-btn" aria-label={`Actions for ${project.name}`}>
            <MoreHorizontal size={16} />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu-item" onSelect={() => onOpen(project)}>
              <FolderOpen size={14} /> Open
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" disabled={broken} onSelect={() => onAction('rename')}>
              <Pencil size={14} /> Rename…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" disabled={broken} onSelect={() => onAction('duplicate')}>
              <Copy size={14} /> Duplicate…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" disabled={broken} onSelect={() => onAction('export')}>
              <Package size={14} /> Export bundle…
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item danger" onSelect={() => onAction('trash')}>
              <Trash2 size={14} /> Move to trash…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </li>
  );
}
