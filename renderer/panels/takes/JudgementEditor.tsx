import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Crosshair, Plus, X } from 'lucide-react';
import type { RefObject } from 'react';
import { newId } from '../../../shared/ids.ts';
import type { Defect, DefectSeverity, DefectType, TakeRecord, Verdict } from '../../../shared/model/take.ts';
import { DEFECT_SEVERITIES, DEFECT_TYPES, VERDICTS } from '../../../shared/model/take.ts';
import { VERDICT_COLORS, VERDICT_LABELS } from '../../canvas/canvasTheme.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { addDefect, removeDefect, updateDefect, updateJudgement } from '../../editor/takeCommands.ts';
import { BufferedInput, BufferedTextArea } from '../inspector/BufferedField.tsx';
import { rangeLabel } from './playerMath.ts';
import { SegmentedControl } from './SegmentedControl.tsx';
import { DEFECT_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from './takeLabels.ts';
import { VerdictIcon } from './VerdictChip.tsx';

interface Props {
  readonly store: DocumentStore;
  readonly take: TakeRecord;
  readonly disabled: boolean;
  /** The frame on the player, where a new defect starts. */
  readonly frameRef: RefObject<number>;
  /** The defect whose range I and O set, or null (they set the trim). */
  readonly armedDefectId: string | null;
  readonly onArm: (defectId: string | null) => void;
  /** Stills have no frames to range over. */
  readonly hasFrames: boolean;
}

const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n), ariaLabel: `Precision ${n} of 5` }));

/**
 * Intent versus output: what was wanted and what came out side by side, the defects (taxonomy,
 * severity, frame range marked with I/O on the player), the control-precision score and the
 * verdict. Each change is one undoable edit.
 */
export function JudgementEditor({ store, take, disabled, frameRef, armedDefectId, onArm, hasFrames }: Props) {
  const { judgement } = take;
  const add = (type: DefectType) => {
    const at = frameRef.current ?? 0;
    const defect: Defect = { id: newId(), type, severity: 'major', startFrame: hasFrames ? at : null, endFrame: hasFrames ? at : null, note: '' };
    addDefect(store, take.id, defect);
    if (hasFrames) onArm(defect.id);
  };
  return (
    <section className="take-section" aria-label="Intent versus output">
      <div className="take-judgement-top">
        <div className="field">
          <span className="field-label" id={`verdict-${take.id}`}>
            Verdict
          </span>
          <SegmentedControl<Verdict>
            ariaLabel="Verdict"
            className="verdict-segments"
            value={judgement.verdict}
            disabled={disabled}
            options={VERDICTS.map((v) => ({
              value: v,
              color: VERDICT_COLORS[v],
              ariaLabel: VERDICT_LABELS[v],
              label: (
                <>
                  <VerdictIcon verdict={v} size={12} />
                  {VERDICT_LABELS[v]}
                </>
              ),
            }))}
            onChange={(verdict) => updateJudgement(store, take.id, { verdict })}
          />
        </div>
        <div className="field">
          <span className="field-label">Precision</span>
          <SegmentedControl
            ariaLabel="Control precision score"
            className="score-segments"
            value={judgement.score === null ? null : String(judgement.score)}
            disabled={disabled}
            options={SCORE_OPTIONS}
            onChange={(score) => updateJudgement(store, take.id, { score: score === null ? null : Number(score) })}
          />
        </div>
      </div>
      <div className="take-intent-output">
        <label className="field">
          <span className="field-label">Intent</span>
          <BufferedTextArea
            ariaLabel="Intent"
            value={judgement.intent}
            placeholder="What this take was meant to show"
            maxLength={20000}
            disabled={disabled}
            onCommit={(intent) => updateJudgement(store, take.id, { intent })}
          />
        </label>
        <label className="field">
          <span className="field-label">Observation</span>
          <BufferedTextArea
            ariaLabel="Observation"
            value={judgement.observation}
            placeholder="What actually came out"
            maxLength={20000}
            disabled={disabled}
            onCommit={(observation) => updateJudgement(store, take.id, { observation })}
          />
        </label>
      </div>
      <div className="take-defects">
        <div className="take-subhead">
          <span className="field-label">Defects</span>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger asChild>
              <button type="button" className="btn btn-ghost btn-small" disabled={disabled}>
                <Plus size={13} /> Add defect
              </button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
                {DEFECT_TYPES.map((type) => (
                  <DropdownMenu.Item key={type} className="menu-item" onSelect={() => add(type)}>
                    {DEFECT_LABELS[type]}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
        {judgement.defects.length === 0 ? (
          <p className="take-hint">No defects noted. Add one, then mark its frames with I and O on the player.</p>
        ) : (
          <ul className="defect-list">
            {judgement.defects.map((defect) => (
              <DefectRow
                key={defect.id}
                store={store}
                take={take}
                defect={defect}
                disabled={disabled}
                armed={armedDefectId === defect.id}
                hasFrames={hasFrames}
                onArm={onArm}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function DefectRow({
  store,
  take,
  defect,
  disabled,
  armed,
  hasFrames,
  onArm,
}: {
  store: DocumentStore;
  take: TakeRecord;
  defect: Defect;
  disabled: boolean;
  armed: boolean;
  hasFrames: boolean;
  onArm: (id: string | null) => void;
}) {
  const set = (patch: Partial<Omit<Defect, 'id'>>) => updateDefect(store, take.id, defect.id, patch);
  return (
    <li className={`defect-row${armed ? ' armed' : ''}`} data-testid="defect-row">
      <span className="defect-swatch" style={{ background: SEVERITY_COLORS[defect.severity] }} aria-hidden="true" />
      <div className="defect-main">
        <div className="defect-line">
          <select
            className="select"
            aria-label="Defect type"
            disabled={disabled}
            value={defect.type}
            onChange={(e) => set({ type: e.target.value as DefectType })}
          >
            {DEFECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {DEFECT_LABELS[type]}
              </option>
            ))}
          </select>
          <select
            className="select defect-severity"
            aria-label="Severity"
            disabled={disabled}
            value={defect.severity}
            onChange={(e) => set({ severity: e.target.value as DefectSeverity })}
          >
            {DEFECT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-btn"
            aria-label="Remove this defect"
            title="Remove this defect"
            disabled={disabled}
            onClick={() => removeDefect(store, take.id, defect.id)}
          >
            <X size={14} />
          </button>
        </div>
        <div className="defect-line">
          {hasFrames ? (
            <button
              type="button"
              className={`btn btn-small defect-range${armed ? ' armed' : ''}`}
              aria-pressed={armed}
              disabled={disabled}
              title={armed ? 'I and O on the player now set this range. Click to go back to trimming.' : 'Mark this range with I and O on the player'}
              onClick={() => onArm(armed ? null : defect.id)}
            >
              <Crosshair size={12} />
              <span className="tabular">{rangeLabel(defect)}</span>
            </button>
          ) : (
            <span className="defect-range-static">Whole image</span>
          )}
          {hasFrames && defect.startFrame !== null ? (
            <button type="button" className="btn btn-ghost btn-small" disabled={disabled} onClick={() => set({ startFrame: null, endFrame: null })}>
              Whole take
            </button>
          ) : null}
        </div>
        <BufferedInput
          ariaLabel="Defect note"
          value={defect.note}
          placeholder="Note (where, how bad)"
          maxLength={10000}
          disabled={disabled}
          onCommit={(note) => set({ note })}
        />
      </div>
    </li>
  );
}
