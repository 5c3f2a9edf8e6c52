import { useVirtualizer } from '@tanstack/react-virtual';
import { CircleCheck, Funnel, RotateCcw, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ShotStatus } from '../../../shared/model/shot.ts';
import { SHOT_STATUSES } from '../../../shared/model/shot.ts';
import type { DefectType, Verdict } from '../../../shared/model/take.ts';
import { DEFECT_TYPES, VERDICTS } from '../../../shared/model/take.ts';
import { STATUS_COLORS, STATUS_LABELS, VERDICT_LABELS } from '../../canvas/canvasTheme.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { FilterState } from '../../editor/filterState.ts';
import { sceneLabel } from '../common/sceneLabels.ts';
import { useDocumentValue } from '../common/useDocumentValue.ts';
import { DEFECT_LABELS } from '../takes/takeLabels.ts';
import { VerdictChip, VerdictIcon } from '../takes/VerdictChip.tsx';
import type { TakeQueryAnswer, TakeQueryForm } from './takeQueryModel.ts';
import {
  EMPTY_FORM,
  NO_SCENE,
  describeForm,
  isEmptyForm,
  mattersToQuery,
  mattersToQueryOptions,
  readQueryOptions,
  runTakeQuery,
  toggleIn,
} from './takeQueryModel.ts';
import './takeQuery.css';

interface Props {
  readonly store: DocumentStore;
  readonly filter: FilterState;
  /** Select the shot and bring it into view. */
  readonly onFocusShot: (shotId: string) => void;
  readonly onClose: () => void;
}

const ROW_HEIGHT = 48;
/** Matches are refreshed at most this often (ms) while the document changes under an open query. */
const REFRESH_DELAY = 200;
const SCORES = [1, 2, 3, 4, 5] as const;
const VERDICT_CHOICES: readonly (Verdict | 'none')[] = [...VERDICTS, 'none'];

/**
 * Filters takes across the project by verdict, defect, model, provider, score, shot status and
 * scene. Matching shots stay bright on the canvas (the rest dim, like the search bar's filter);
 * the matching takes are listed, and a click selects the shot and zooms to it.
 */
export function TakeQueryPanel({ store, filter, onFocusShot, onClose }: Props) {
  const [form, setForm] = useState<TakeQueryForm>(EMPTY_FORM);
  const options = useDocumentValue(store, mattersToQueryOptions, readQueryOptions);
  const [answer, setAnswer] = useState<TakeQueryAnswer>({ rows: [], shotIds: [] });
  const empty = isEmptyForm(form);

  useEffect(() => {
    const run = () => {
      if (isEmptyForm(form)) {
        setAnswer({ rows: [], shotIds: [] });
        filter.set(null);
        return;
      }
      const next = runTakeQuery(store, form);
      setAnswer(next);
      const same = filter.matches !== null && next.shotIds.length === filter.ordered.length && next.shotIds.every((id, i) => filter.ordered[i] === id);
      if (!same) filter.set(next.shotIds);
    };
    run();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = store.subscribe((diff) => {
      if (timer !== null || (diff.origin !== 'load' && !diff.changes.some(mattersToQuery))) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, REFRESH_DELAY);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, filter, form]);

  // Closing the panel (or leaving the project) takes the highlight off the canvas.
  useEffect(() => () => filter.set(null), [filter]);

  const update = (patch: Partial<TakeQueryForm>) => setForm((f) => ({ ...f, ...patch }));
  const defectChoices: readonly DefectType[] =
    options.defectTypes.length > 0 ? DEFECT_TYPES.filter((d) => options.defectTypes.includes(d) || form.defectTypes.includes(d)) : DEFECT_TYPES;
  const knownScene = form.scene === '' || form.scene === NO_SCENE || options.scenes.some((s) => s.id === form.scene);
  const summary = describeForm(form, options.scenes);
  const shotCount = answer.shotIds.length;

  return (
    <aside className="inspector take-query-panel" aria-label="Filter takes" data-testid="take-query-panel" data-highlighted={answer.shotIds.join(',')}>
      <header className="inspector-header take-query-header">
        <Funnel size={15} className="take-query-icon" aria-hidden="true" />
        <span className="inspector-title">Filter takes</span>
        <button type="button" className="btn btn-ghost take-query-reset" disabled={empty} onClick={() => setForm(EMPTY_FORM)}>
          <RotateCcw size={13} /> Clear
        </button>
        <button type="button" className="icon-btn" aria-label="Close take filter" onClick={onClose}>
          <X size={15} />
        </button>
      </header>
      <div className="take-query-form">
        <fieldset className="take-query-group">
          <legend className="field-label">Verdict</legend>
          <div className="status-chips">
            {VERDICT_CHOICES.map((v) => (
              <button
                key={v}
                type="button"
                className="status-chip"
                aria-pressed={form.verdicts.includes(v)}
                onClick={() => update({ verdicts: toggleIn(form.verdicts, v, VERDICT_CHOICES) })}
              >
                <VerdictIcon verdict={v === 'none' ? null : v} size={12} />
                {v === 'none' ? 'Not judged' : VERDICT_LABELS[v]}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="take-query-group">
          <legend className="field-label">Defect</legend>
          <div className="status-chips">
            {defectChoices.map((d) => (
              <button
                key={d}
                type="button"
                className="status-chip"
                aria-pressed={form.defectTypes.includes(d)}
                onClick={() => update({ defectTypes: toggleIn(form.defectTypes, d, DEFECT_TYPES) })}
              >
                {DEFECT_LABELS[d]}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="take-query-row">
          <label className="field">
            <span className="field-label">Model</span>
            <select
              className="select"
              value={form.model}
              onChange={(e) => update({ model: e.target.value })}
              disabled={options.models.length === 0 && !form.model}
            >
              <option value="">{options.models.length === 0 ? 'No models yet' : 'Any model'}</option>
              {[...options.models, ...(form.model && !options.models.includes(form.model) ? [form.model] : [])].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Provider</span>
            <select
              className="select"
              value={form.provider}
              onChange={(e) => update({ provider: e.target.value })}
              disabled={options.providers.length === 0 && !form.provider}
            >
              <option value="">{options.providers.length === 0 ? 'No providers yet' : 'Any provider'}</option>
              {[...options.providers, ...(form.provider && !options.providers.includes(form.provider) ? [form.provider] : [])].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="take-query-row">
          <label className="field">
            <span className="field-label">Score from</span>
            <select
              className="select tabular"
              value={form.scoreMin ?? ''}
              onChange={(e) => {
                const min = e.target.value === '' ? null : Number(e.target.value);
                update({ scoreMin: min, scoreMax: min !== null && form.scoreMax !== null && form.scoreMax < min ? min : form.scoreMax });
              }}
            >
              <option value="">Any</option>
              {SCORES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Score to</span>
            <select
              className="select tabular"
              value={form.scoreMax ?? ''}
              onChange={(e) => {
                const max = e.target.value === '' ? null : Number(e.target.value);
                update({ scoreMax: max, scoreMin: max !== null && form.scoreMin !== null && form.scoreMin > max ? max : form.scoreMin });
              }}
            >
              <option value="">Any</option>
              {SCORES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="take-query-group">
          <legend className="field-label">Shot status</legend>
          <div className="status-chips">
            {SHOT_STATUSES.map((status: ShotStatus) => (
              <button
                key={status}
                type="button"
                className="status-chip"
                aria-pressed={form.shotStatuses.includes(status)}
                onClick={() => update({ shotStatuses: toggleIn(form.shotStatuses, status, SHOT_STATUSES) })}
              >
                <span className="chip-dot" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
                {STATUS_LABELS[status]}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">Scene</span>
          <select className="select" value={knownScene ? form.scene : ''} onChange={(e) => update({ scene: e.target.value })}>
            <option value="">Any scene</option>
            <option value={NO_SCENE}>Outside scenes</option>
            {options.scenes.map((scene) => (
              <option key={scene.id} value={scene.id}>
                {sceneLabel(scene)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="take-query-summary" aria-live="polite" data-testid="take-query-summary">
        {empty ? (
          <span className="take-query-hint">
            Choose a verdict, defect, model or score to find takes across the project. Matching shots stay bright on the canvas.
          </span>
        ) : (
          <>
            <strong className="tabular">
              {answer.rows.length} {answer.rows.length === 1 ? 'take' : 'takes'} on {shotCount} {shotCount === 1 ? 'shot' : 'shots'}
            </strong>
            <span className="take-query-description" title={summary}>
              {summary}
            </span>
          </>
        )}
      </div>
      {!empty && answer.rows.length === 0 ? <p className="take-query-hint take-query-none">No take matches. Remove a criterion to widen the search.</p> : null}
      {answer.rows.length > 0 ? <ResultList answer={answer} onFocusShot={onFocusShot} /> : null}
    </aside>
  );
}

function ResultList({ answer, onFocusShot }: { readonly answer: TakeQueryAnswer; readonly onFocusShot: (shotId: string) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = answer.rows;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={scroller} className="take-query-results" role="list" aria-label="Matching takes">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={row.takeId} role="listitem" className="take-result" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <button
                type="button"
                className="take-result-button"
                data-testid="take-result"
                data-shot-id={row.shotId}
                onClick={() => onFocusShot(row.shotId)}
                title="Select the shot and zoom to it"
              >
                <span className="take-result-main">
                  <span className="take-result-name tabular">
                    {row.shotNumber} · T{row.takeNumber}
                    {row.circle ? <CircleCheck size={12} className="take-result-circle" aria-label="Circle take" /> : null}
                  </span>
                  <span className="take-result-title">{row.shotTitle.trim() || 'Untitled shot'}</span>
                </span>
                <span className="take-result-meta">
                  {[row.model, ...row.defects.map((d) => DEFECT_LABELS[d])].filter(Boolean).join(' · ') || 'No recipe or defects'}
                </span>
                <span className="take-result-side">
                  <VerdictChip verdict={row.verdict} />
                  <span className="take-result-score tabular">{row.score === null ? '–' : `${row.score}/5`}</span>
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
