import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Circle, CircleDot, ClipboardPaste, Copy, Crosshair, Ellipsis, Scissors, Sparkles, Trash2, Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import { framesToSeconds } from '../../../shared/model/frameRate.ts';
import { recipeToJson } from '../../../shared/takes/recipeJson.ts';
import type { Reproducibility } from '../../../shared/takes/reproducibility.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import { updateDefect, updateTake } from '../../editor/takeCommands.ts';
import type { MediaStatus } from '../../../shared/ipc/contract.ts';
import { mediaUrl } from '../../platform/mediaUrl.ts';
import { posterFor, scrubStripFor } from '../../platform/mediaPosters.ts';
import { JudgementEditor } from './JudgementEditor.tsx';
import { MediaMissing } from './MediaMissing.tsx';
import { PasteRecipeDialog } from './PasteRecipeDialog.tsx';
import { pickFiles, TAKE_MEDIA_ACCEPT } from './pickFiles.ts';
import { markDefectIn, markDefectOut, markIn, markOut, mediaRate, rangeLabel, timecodeAt, trimRange } from './playerMath.ts';
import { RecipeEditor } from './RecipeEditor.tsx';
import { ReproBadge } from './ReproBadge.tsx';
import { addRecipeInputs, attachOutput } from './takeImport.ts';
import { DEFECT_LABELS, takeName } from './takeLabels.ts';
import { TakePlayer } from './TakePlayer.tsx';
import { VerdictChip } from './VerdictChip.tsx';

interface Props {
  readonly session: ProjectSession;
  readonly shot: ShotRecord;
  readonly take: TakeRecord;
  readonly parent: TakeRecord | null;
  readonly repro: Reproducibility;
  readonly status: MediaStatus | undefined;
  readonly onCircle: () => void;
  readonly onDelete: () => void;
  readonly onRecheck: () => void;
}

/**
 * Everything about one take: its output in a frame-accurate player with trim and defect marks,
 * the judgement (intent versus output, defects, precision, verdict) and the recipe that made it.
 */
export function TakeDetail({ session, shot, take, parent, repro, status, onCircle, onDelete, onRecheck }: Props) {
  const { store, projectId } = session;
  const disabled = store.readOnly !== null;
  const frameRef = useRef<number>(take.trimIn ?? 0);
  const [armedDefectId, setArmedDefectId] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const circled = shot.selectedTakeId === take.id;
  const media = take.media;
  const missing = status === 'missing' || status === 'changed';
  const armed = take.judgement.defects.find((d) => d.id === armedDefectId) ?? null;

  const onMark = (which: 'in' | 'out', frame: number) => {
    if (disabled || !media) return;
    if (armed) {
      updateDefect(store, take.id, armed.id, which === 'in' ? markDefectIn(armed, frame) : markDefectOut(armed, frame));
      return;
    }
    updateTake(store, take.id, which === 'in' ? markIn(take, frame, media.durationFrames) : markOut(take, frame, media.durationFrames));
  };

  const copyRecipe = async () => {
    try {
      await navigator.clipboard.writeText(recipeToJson(take.recipe));
      toast.success(`Copied the recipe of ${takeName(take)} as JSON`);
    } catch (error) {
      toast.error('Could not copy the recipe', { description: `The clipboard refused it (${error instanceof Error ? error.message : String(error)}).` });
    }
  };

  const trim = media ? trimRange(take, media.durationFrames) : null;
  const trimmed = take.trimIn !== null || take.trimOut !== null;
  return (
    <div className="take-detail" data-testid="take-detail" aria-label={`Take ${takeName(take)}`}>
      <header className="take-detail-header">
        <span className={`take-detail-name tabular${circled ? ' circled' : ''}`}>{takeName(take)}</span>
        <span className="take-detail-title">
          <span className="take-detail-file" title={media?.name}>
            {media ? media.name : 'No output yet'}
          </span>
          <span className="take-detail-lineage">{parent ? `Forked from ${takeName(parent)}` : 'Original'}</span>
        </span>
        <ReproBadge repro={repro} />
        <button
          type="button"
          className={`btn btn-small circle-action${circled ? ' on' : ''}`}
          aria-pressed={circled}
          disabled={disabled}
          title={circled ? 'This is the selected take. Click to unselect.' : 'Make this the shot’s selected take (C)'}
          onClick={onCircle}
        >
          {circled ? <CircleDot size={13} /> : <Circle size={13} />}
          {circled ? 'Selected' : 'Select take'}
        </button>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <button type="button" className="icon-btn" aria-label={`More actions for ${takeName(take)}`}>
              <Ellipsis size={15} />
            </button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Item className="menu-item" onSelect={() => void copyRecipe()}>
                <Copy size={14} /> Copy recipe as JSON
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" disabled={disabled} onSelect={() => setPasting(true)}>
                <ClipboardPaste size={14} /> Paste recipe…
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item danger" disabled={disabled} onSelect={onDelete}>
                <Trash2 size={14} /> Delete {takeName(take)}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </header>

      {!media ? (
        <div className="take-planned">
          <Sparkles size={16} />
          <span>Generate this recipe, then import the result as this take’s output.</span>
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled}
            onClick={() =>
              void pickFiles(TAKE_MEDIA_ACCEPT, false).then((files) => {
                if (files[0]) void attachOutput(session, take, files[0]);
              })
            }
          >
            <Upload size={13} /> Import output…
          </button>
        </div>
      ) : missing ? (
        <MediaMissing session={session} media={media} status={status} onRelinked={onRecheck} />
      ) : media.kind === 'image' ? (
        <div className="take-still" style={{ aspectRatio: `${media.width} / ${media.height}` }}>
          <img src={mediaUrl(projectId, media.path)} alt={`${takeName(take)}: ${media.name}`} onError={onRecheck} />
        </div>
      ) : (
        <TakePlayer
          key={`${take.id}:${media.hash}`}
          media={media}
          url={mediaUrl(projectId, media.path)}
          poster={(() => {
            const poster = posterFor(projectId, media);
            return poster ? mediaUrl(projectId, poster.path) : null;
          })()}
          strip={(() => {
            const strip = scrubStripFor(projectId, media);
            return strip ? { url: mediaUrl(projectId, strip.path), tiles: strip.frames.length } : null;
          })()}
          trim={trim!}
          trimmed={trimmed}
          defects={take.judgement.defects}
          armedDefectId={armedDefectId}
          frameRef={frameRef}
          onMark={onMark}
          onLoadError={onRecheck}
        />
      )}

      {media && media.kind === 'video' && !missing ? (
        <div className={`take-trim tabular${armed ? ' marking-defect' : ''}`} data-testid="take-trim">
          {armed ? (
            <>
              <Crosshair size={13} aria-hidden="true" />
              <span className="take-trim-label">I / O mark</span>
              <span className="take-trim-value">
                {DEFECT_LABELS[armed.type]} · {rangeLabel(armed)}
              </span>
              <button type="button" className="btn btn-ghost btn-small take-trim-done" onClick={() => setArmedDefectId(null)}>
                Back to trim
              </button>
            </>
          ) : (
            <>
              <Scissors size={13} aria-hidden="true" />
              <span className="take-trim-label">In</span>
              <span className="mono" data-testid="trim-in">
                {timecodeAt(media, trim!.start)}
              </span>
              <span className="take-trim-label">Out</span>
              <span className="mono" data-testid="trim-out">
                {timecodeAt(media, trim!.end - 1)}
              </span>
              <span className="take-trim-length" title={trimmed ? undefined : 'The whole clip. Press I and O on the player to trim it.'}>
                {trim!.end - trim!.start} fr · {framesToSeconds(trim!.end - trim!.start, mediaRate(media)).toFixed(2)} s
              </span>
              {trimmed ? (
                <button
                  type="button"
                  className="icon-btn take-trim-clear"
                  aria-label="Clear the trim (use the whole clip)"
                  title="Clear the trim (use the whole clip)"
                  disabled={disabled}
                  onClick={() => updateTake(store, take.id, { trimIn: null, trimOut: null })}
                >
                  <X size={13} />
                </button>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      <details className="take-fold" open>
        <summary>
          <span>Intent vs output</span>
          <VerdictChip verdict={take.judgement.verdict} />
        </summary>
        <JudgementEditor
          store={store}
          take={take}
          disabled={disabled}
          frameRef={frameRef}
          armedDefectId={armedDefectId}
          onArm={setArmedDefectId}
          hasFrames={media !== null && media.kind === 'video'}
        />
      </details>

      <details className="take-fold" open>
        <summary>
          <span>Recipe</span>
        </summary>
        <RecipeEditor
          store={store}
          take={take}
          disabled={disabled}
          onAddInputs={() =>
            void pickFiles(TAKE_MEDIA_ACCEPT, true).then((files) => {
              if (files.length > 0) void addRecipeInputs(session, take, files);
            })
          }
        />
        <div className="recipe-json-actions">
          <button type="button" className="btn btn-small" onClick={() => void copyRecipe()}>
            <Copy size={13} /> Copy recipe as JSON
          </button>
          <button type="button" className="btn btn-small" disabled={disabled} onClick={() => setPasting(true)}>
            <ClipboardPaste size={13} /> Paste recipe…
          </button>
        </div>
      </details>
      <PasteRecipeDialog
        open={pasting}
        takeLabel={takeName(take)}
        onCancel={() => setPasting(false)}
        onApply={(recipe) => {
          setPasting(false);
          updateTake(store, take.id, { recipe });
          toast.success(`Replaced the recipe of ${takeName(take)}`, { description: 'Undo with Ctrl/Cmd+Z.' });
        }}
      />
    </div>
  );
}
