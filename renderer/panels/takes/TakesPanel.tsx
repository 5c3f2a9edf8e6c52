import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, ClipboardPaste, Columns2, Dices, FilePlus2, GitFork, Hash, PenLine, SlidersHorizontal, Upload, X } from 'lucide-react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MediaLocation } from '../../../shared/ipc/contract.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import { emptyRecipe } from '../../../shared/model/take.ts';
import type { Reproducibility } from '../../../shared/takes/reproducibility.ts';
import { localIsoDate, reproducibility } from '../../../shared/takes/reproducibility.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import type { TakePanelState } from '../../editor/takePanelState.ts';
import { checkMediaFiles, mediaStatus, mediaStatusVersion, onMediaStatusChange } from '../../platform/mediaChecks.ts';
import { onPosterChange, posterVersion } from '../../platform/mediaPosters.ts';
import type { ForkMode } from './ForkDialog.tsx';
import { ForkDialog } from './ForkDialog.tsx';
import { lineageTree } from '../../../shared/takes/takeFactory.ts';
import { lineageRows } from './lineageRows.ts';
import { PasteRecipeDialog } from './PasteRecipeDialog.tsx';
import { isTakeMediaFile, pickFiles, TAKE_MEDIA_ACCEPT } from './pickFiles.ts';
import { randomSeed } from './recipeFields.ts';
import { deleteTakeWithUndo, forkTake, newTakeFromRecipe, toggleCircle } from './takeActions.ts';
import { TakeDetail } from './TakeDetail.tsx';
import { importTakes } from './takeImport.ts';
import { takeName } from './takeLabels.ts';
import { TakeList } from './TakeList.tsx';
import { MAX_COMPARE } from '../compare/compareModel.ts';
import { requestCompare } from '../compare/compareRequests.ts';

interface Props {
  readonly session: ProjectSession;
  readonly shot: ShotRecord;
  readonly panel: TakePanelState;
}

/** Every media file a shot's takes refer to: outputs and recipe inputs. */
function mediaOf(takes: readonly TakeRecord[]): MediaLocation[] {
  const out = new Map<string, MediaLocation>();
  for (const take of takes) {
    if (take.media) out.set(take.media.hash, { hash: take.media.hash, path: take.media.path });
    for (const input of take.recipe.inputs) out.set(input.hash, { hash: input.hash, path: input.path });
  }
  return [...out.values()];
}

/**
 * The inspector's Takes tab: import and fork actions, the shot's takes as a lineage tree, and the
 * open take's detail. Files dropped anywhere on the panel become takes of the shot.
 */
export function TakesPanel({ session, shot, panel }: Props) {
  const { store, projectId } = session;
  useSyncExternalStore(onPosterChange, posterVersion);
  useSyncExternalStore(onMediaStatusChange, mediaStatusVersion);
  const disabled = store.readOnly !== null;
  const takes = store.takesOf(shot.id);
  const rows = useMemo(() => lineageRows(lineageTree(takes)), [takes]);
  const open = panel.openTake(shot, takes);
  const [forkMode, setForkMode] = useState<ForkMode | null>(null);
  const [pastingNew, setPastingNew] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const livePicked = picked.filter((id) => takes.some((t) => t.id === id));
  const pick = (id: string) =>
    setPicked((current) => {
      const alive = current.filter((p) => takes.some((t) => t.id === p));
      if (alive.includes(id)) return alive.filter((p) => p !== id);
      // The first pick also takes the open take along: "this one, and that one".
      const start = alive.length === 0 && open && open.id !== id ? [open.id] : alive;
      return [...start, id].slice(-MAX_COMPARE);
    });

  const refs = useMemo(() => mediaOf(takes), [takes]);
  useEffect(() => {
    void checkMediaFiles(projectId, refs);
  }, [projectId, refs]);

  const missingHashes = new Set(refs.filter((r) => ['missing', 'changed'].includes(mediaStatus(projectId, r.hash) ?? '')).map((r) => r.hash));
  const today = localIsoDate(new Date());
  const reproOf = (take: TakeRecord): Reproducibility => reproducibility(take, { missingHashes, retiredModels: store.settings.retiredModels, today });
  const statusOf = (take: TakeRecord) => (take.media ? mediaStatus(projectId, take.media.hash) : undefined);

  const importFiles = (files: readonly File[]) => void importTakes(session, panel, shot.id, files);
  const fork = (changes: Parameters<typeof forkTake>[4]) => {
    if (open) forkTake(session, panel, shot, open, changes);
  };

  return (
    <div
      className={`takes-panel${dragging ? ' drop-target' : ''}`}
      onDragOver={(e) => {
        if (disabled || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        setDragging(false);
        const files = [...e.dataTransfer.files].filter(isTakeMediaFile);
        if (disabled || files.length === 0) return;
        e.preventDefault();
        importFiles(files);
      }}
      data-testid="takes-panel"
    >
      <div className="takes-toolbar">
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled}
          title="Import clips or stills as takes (Ctrl/Cmd+I)"
          onClick={() => void pickFiles(TAKE_MEDIA_ACCEPT, true).then((files) => files.length > 0 && importFiles(files))}
        >
          <Upload size={13} /> Import media…
        </button>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="btn btn-small" disabled={disabled}>
              <FilePlus2 size={13} /> New take <ChevronDown size={12} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
              <DropdownMenu.Item className="menu-item" onSelect={() => newTakeFromRecipe(session, panel, shot)}>
                <PenLine size={14} /> Empty recipe to fill in
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => setPastingNew(true)}>
                <ClipboardPaste size={14} /> From recipe JSON…
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="btn btn-small" disabled={disabled || !open} title={open ? `Fork ${takeName(open)}` : 'Open a take to fork it'}>
              <GitFork size={13} /> Fork <ChevronDown size={12} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Label className="menu-label">{open ? `Fork ${takeName(open)} with…` : ''}</DropdownMenu.Label>
              <DropdownMenu.Item className="menu-item" onSelect={() => fork({ seed: randomSeed() })}>
                <Dices size={14} /> A new random seed <span className="menu-shortcut">Shift+F</span>
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => setForkMode('seed')}>
                <Hash size={14} /> A seed I type…
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => setForkMode('prompt')}>
                <PenLine size={14} /> An edited prompt…
              </DropdownMenu.Item>
              <DropdownMenu.Item
                className="menu-item"
                onSelect={() => {
                  fork({});
                  // The new take opens below; its parameters are the fields to change.
                  requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.take-detail .param-grid input')?.focus());
                }}
              >
                <SlidersHorizontal size={14} /> Changed parameters
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        {livePicked.length > 0 ? (
          <span className="takes-compare">
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={livePicked.length < 2}
              title={livePicked.length < 2 ? 'Ctrl/Cmd-click another take to compare' : 'Compare side by side with synced playback'}
              onClick={() => requestCompare(livePicked)}
            >
              <Columns2 size={13} /> Compare {livePicked.length}
            </button>
            <button type="button" className="icon-btn" aria-label="Clear the takes picked to compare" onClick={() => setPicked([])}>
              <X size={14} />
            </button>
          </span>
        ) : null}
      </div>

      {takes.length === 0 ? (
        <div className="takes-empty">
          <Upload size={18} />
          <strong>No takes yet</strong>
          <span>Drop clips or stills here (or onto the shot’s card), or use Import media…. A recipe embedded in the file is read automatically.</span>
        </div>
      ) : (
        <TakeList
          projectId={projectId}
          rows={rows}
          openTakeId={open?.id ?? null}
          selectedTakeId={shot.selectedTakeId}
          disabled={disabled}
          reproOf={reproOf}
          statusOf={statusOf}
          onOpen={(id) => panel.open(shot.id, id)}
          onCircle={(id) => {
            const take = takes.find((t) => t.id === id);
            if (take) toggleCircle(session, shot, take);
          }}
          picked={livePicked}
          onPick={pick}
          onDelete={(id) => {
            const take = takes.find((t) => t.id === id);
            if (take) deleteTakeWithUndo(session, take);
          }}
        />
      )}
      {dragging ? <div className="takes-drop-hint">Drop to add takes to this shot</div> : null}

      {open ? (
        <TakeDetail
          key={open.id}
          session={session}
          shot={shot}
          take={open}
          parent={takes.find((t) => t.id === open.parentTakeId) ?? null}
          repro={reproOf(open)}
          status={statusOf(open)}
          onCircle={() => toggleCircle(session, shot, open)}
          onDelete={() => deleteTakeWithUndo(session, open)}
          onRecheck={() => void checkMediaFiles(projectId, refs, true)}
        />
      ) : null}

      <ForkDialog
        mode={forkMode}
        parentLabel={open ? takeName(open) : ''}
        recipe={open?.recipe ?? emptyRecipe()}
        onCancel={() => setForkMode(null)}
        onFork={(changes) => {
          setForkMode(null);
          fork(changes);
        }}
      />
      <PasteRecipeDialog
        open={pastingNew}
        takeLabel="a new take"
        onCancel={() => setPastingNew(false)}
        onApply={(recipe) => {
          setPastingNew(false);
          newTakeFromRecipe(session, panel, shot, recipe);
        }}
      />
    </div>
  );
}
