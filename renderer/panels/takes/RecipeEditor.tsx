import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import type { InputRole, Recipe, RecipeParams, TakeRecord } from '../../../shared/model/take.ts';
import { INPUT_ROLES } from '../../../shared/model/take.ts';
import { withProviderPreset } from '../../../shared/takes/providers.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { updateRecipe } from '../../editor/takeCommands.ts';
import { BufferedInput, BufferedTextArea } from '../inspector/BufferedField.tsx';
import { ProviderField } from './ProviderField.tsx';
import type { NumberRule } from './recipeFields.ts';
import {
  CAMERA_KEYS,
  COST_UNITS,
  checkKey,
  formatExtraValue,
  formatOptionalNumber,
  formatResolution,
  parseExtraValue,
  parseOptionalNumber,
  parseResolution,
  parseSeed,
} from './recipeFields.ts';
import { shortHash } from './takeLabels.ts';

interface Props {
  readonly store: DocumentStore;
  readonly take: TakeRecord;
  readonly disabled: boolean;
  /** Picks files and imports them as inputs (init frame, references…). */
  readonly onAddInputs: () => void;
}

const ROLE_LABELS: Readonly<Record<InputRole, string>> = {
  'init-frame': 'Init frame',
  reference: 'Reference',
  'driving-video': 'Driving video',
  'end-frame': 'End frame',
  mask: 'Mask',
  other: 'Other',
};

type NumericParam = 'durationSeconds' | 'fps' | 'steps' | 'guidance' | 'motionStrength';

const PARAM_FIELDS: ReadonlyArray<{ key: NumericParam; label: string; rule: NumberRule; placeholder: string }> = [
  { key: 'durationSeconds', label: 'Duration (s)', rule: { min: 0, max: 86400 }, placeholder: '—' },
  { key: 'fps', label: 'FPS', rule: { min: 0, max: 1000 }, placeholder: '—' },
  { key: 'steps', label: 'Steps', rule: { integer: true, min: 0, max: 100000 }, placeholder: '—' },
  { key: 'guidance', label: 'Guidance', rule: { min: 0, max: 1000 }, placeholder: '—' },
  { key: 'motionStrength', label: 'Motion strength', rule: { min: 0, max: 1000 }, placeholder: '—' },
];

/**
 * The recipe as a form: provider (a preset or free text), model and version, prompts, seed, typed
 * parameters, camera-control values, free key/values, input assets, cost and generation time.
 * Each committed field is one undoable edit of the take.
 */
export function RecipeEditor({ store, take, disabled, onAddInputs }: Props) {
  const { recipe } = take;
  const set = (patch: Partial<Recipe>) => updateRecipe(store, take.id, patch);
  const setParams = (patch: Partial<RecipeParams>) => set({ params: { ...recipe.params, ...patch } });
  const numeric = (rule: NumberRule) => (text: string) => {
    const parsed = parseOptionalNumber(text, rule);
    return parsed.ok ? null : parsed.problem;
  };
  const cameraKeys = [...CAMERA_KEYS, ...Object.keys(recipe.params.camera).filter((k) => !(CAMERA_KEYS as readonly string[]).includes(k))];

  return (
    <section className="take-section recipe-editor" aria-label="Recipe">
      <div className="field-row">
        <div className="field">
          <span className="field-label">Provider</span>
          <ProviderField value={recipe.provider} disabled={disabled} onCommit={(provider) => set(withProviderPreset(recipe, provider))} />
        </div>
        <label className="field">
          <span className="field-label">Model</span>
          <BufferedInput
            ariaLabel="Model"
            value={recipe.model}
            placeholder="e.g. gen4_turbo"
            maxLength={200}
            disabled={disabled}
            onCommit={(model) => set({ model })}
          />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Version</span>
          <BufferedInput
            ariaLabel="Model version"
            value={recipe.modelVersion}
            placeholder="e.g. 2025-06-01"
            maxLength={200}
            disabled={disabled}
            onCommit={(modelVersion) => set({ modelVersion })}
          />
        </label>
        <label className="field">
          <span className="field-label">Seed</span>
          <span className="mono-field">
            <BufferedInput
              ariaLabel="Seed"
              value={recipe.seed ?? ''}
              placeholder="Unknown"
              inputMode="numeric"
              maxLength={20}
              disabled={disabled}
              validate={(text) => {
                const parsed = parseSeed(text);
                return parsed.ok ? null : parsed.problem;
              }}
              onCommit={(text) => {
                const parsed = parseSeed(text);
                if (parsed.ok) set({ seed: parsed.value });
              }}
            />
          </span>
        </label>
      </div>
      <label className="field">
        <span className="field-label">Prompt</span>
        <BufferedTextArea
          ariaLabel="Prompt"
          value={recipe.prompt}
          placeholder="The prompt as sent"
          maxLength={100000}
          disabled={disabled}
          onCommit={(prompt) => set({ prompt })}
        />
      </label>
      <label className="field">
        <span className="field-label">Negative prompt</span>
        <BufferedInput
          ariaLabel="Negative prompt"
          value={recipe.negativePrompt}
          placeholder="None"
          maxLength={100000}
          disabled={disabled}
          onCommit={(negativePrompt) => set({ negativePrompt })}
        />
      </label>

      <span className="field-label take-group-label">Parameters</span>
      <div className="param-grid">
        <label className="field">
          <span className="field-sublabel">Resolution</span>
          <BufferedInput
            ariaLabel="Resolution"
            value={formatResolution(recipe.params.width, recipe.params.height)}
            placeholder="e.g. 1280x720"
            maxLength={20}
            disabled={disabled}
            validate={(text) => {
              const parsed = parseResolution(text);
              return parsed.ok ? null : parsed.problem;
            }}
            onCommit={(text) => {
              const parsed = parseResolution(text);
              if (parsed.ok) setParams(parsed.value);
            }}
          />
        </label>
        {PARAM_FIELDS.map((field) => (
          <label className="field" key={field.key}>
            <span className="field-sublabel">{field.label}</span>
            <BufferedInput
              ariaLabel={field.label}
              value={formatOptionalNumber(recipe.params[field.key])}
              placeholder={field.placeholder}
              inputMode="numeric"
              maxLength={24}
              disabled={disabled}
              validate={numeric(field.rule)}
              onCommit={(text) => {
                const parsed = parseOptionalNumber(text, field.rule);
                if (parsed.ok) setParams({ [field.key]: parsed.value });
              }}
            />
          </label>
        ))}
      </div>

      <span className="field-label take-group-label">Camera control</span>
      <div className="param-grid camera-grid">
        {cameraKeys.map((key) => (
          <label className="field" key={key}>
            <span className="field-sublabel">{key}</span>
            <BufferedInput
              ariaLabel={`Camera ${key}`}
              value={formatOptionalNumber(recipe.params.camera[key] ?? null)}
              placeholder="—"
              inputMode="numeric"
              maxLength={12}
              disabled={disabled}
              validate={numeric({ min: -1000, max: 1000 })}
              onCommit={(text) => {
                const parsed = parseOptionalNumber(text, { min: -1000, max: 1000 });
                if (!parsed.ok) return;
                const camera = { ...recipe.params.camera };
                if (parsed.value === null) delete camera[key];
                else camera[key] = parsed.value;
                setParams({ camera });
              }}
            />
          </label>
        ))}
      </div>

      <ExtraParams extra={recipe.params.extra} disabled={disabled} onChange={(extra) => setParams({ extra })} />

      <div className="take-subhead">
        <span className="field-label">Inputs</span>
        <button type="button" className="btn btn-ghost btn-small" disabled={disabled} onClick={onAddInputs}>
          <Plus size={13} /> Add input…
        </button>
      </div>
      {recipe.inputs.length === 0 ? (
        <p className="take-hint">No input assets (init frame, references, driving video).</p>
      ) : (
        <ul className="input-list">
          {recipe.inputs.map((input, i) => (
            <li key={`${input.hash}-${i}`} className="input-row">
              <select
                className="select"
                aria-label={`Role of ${input.name}`}
                disabled={disabled}
                value={input.role}
                onChange={(e) => set({ inputs: recipe.inputs.map((x, j) => (j === i ? { ...x, role: e.target.value as InputRole } : x)) })}
              >
                {INPUT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
              <span className="input-name" title={input.name}>
                {input.name}
              </span>
              <span className="input-hash mono" title={`sha256 ${input.hash}`}>
                {shortHash(input.hash)}
              </span>
              <button
                type="button"
                className="icon-btn"
                aria-label={`Remove input ${input.name}`}
                disabled={disabled}
                onClick={() => set({ inputs: recipe.inputs.filter((_, j) => j !== i) })}
              >
                <X size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}

      <span className="field-label take-group-label">Cost and time</span>
      <div className="param-grid">
        <label className="field">
          <span className="field-sublabel">Cost</span>
          <BufferedInput
            ariaLabel="Cost amount"
            value={recipe.cost ? String(recipe.cost.amount) : ''}
            placeholder="—"
            inputMode="numeric"
            maxLength={16}
            disabled={disabled}
            validate={numeric({ min: 0, max: 1e9 })}
            onCommit={(text) => {
              const parsed = parseOptionalNumber(text, { min: 0, max: 1e9 });
              if (parsed.ok) set({ cost: parsed.value === null ? null : { amount: parsed.value, unit: recipe.cost?.unit ?? 'USD' } });
            }}
          />
        </label>
        <label className="field">
          <span className="field-sublabel">Unit</span>
          <select
            className="select"
            aria-label="Cost unit"
            disabled={disabled || recipe.cost === null}
            value={recipe.cost?.unit ?? 'USD'}
            onChange={(e) => recipe.cost && set({ cost: { ...recipe.cost, unit: e.target.value } })}
          >
            {[...new Set([...COST_UNITS, recipe.cost?.unit ?? 'USD'])].map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-sublabel">Generation (s)</span>
          <BufferedInput
            ariaLabel="Generation time in seconds"
            value={formatOptionalNumber(recipe.generationSeconds)}
            placeholder="—"
            inputMode="numeric"
            maxLength={16}
            disabled={disabled}
            validate={numeric({ min: 0, max: 1e7 })}
            onCommit={(text) => {
              const parsed = parseOptionalNumber(text, { min: 0, max: 1e7 });
              if (parsed.ok) set({ generationSeconds: parsed.value });
            }}
          />
        </label>
      </div>
      <label className="checkbox take-checkbox">
        <input type="checkbox" checked={recipe.nonDeterministic} disabled={disabled} onChange={(e) => set({ nonDeterministic: e.target.checked })} />
        Non-deterministic: the same recipe does not give the same output
      </label>
    </section>
  );
}

/** Free key/value parameters: values typed as true/false, numbers or text. */
function ExtraParams({
  extra,
  disabled,
  onChange,
}: {
  extra: Readonly<Record<string, string | number | boolean>>;
  disabled: boolean;
  onChange: (extra: Record<string, string | number | boolean>) => void;
}) {
  const [newKey, setNewKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const keys = Object.keys(extra);
  const addKey = () => {
    const message = checkKey(newKey, keys);
    setProblem(message);
    if (message) return;
    onChange({ ...extra, [newKey.trim()]: '' });
    setNewKey('');
  };
  return (
    <div className="extra-params">
      <span className="field-label take-group-label">Other parameters</span>
      {keys.map((key) => (
        <div className="extra-row" key={key}>
          <span className="extra-key mono" title={key}>
            {key}
          </span>
          <BufferedInput
            ariaLabel={`Parameter ${key}`}
            value={formatExtraValue(extra[key]!)}
            maxLength={10000}
            disabled={disabled}
            onCommit={(text) => onChange({ ...extra, [key]: parseExtraValue(text) })}
          />
          <button
            type="button"
            className="icon-btn"
            aria-label={`Remove parameter ${key}`}
            disabled={disabled}
            onClick={() => onChange(Object.fromEntries(Object.entries(extra).filter(([k]) => k !== key)))}
          >
            <X size={14} />
          </button>
        </div>
      ))}
      <div className="extra-row">
        <input
          className="input"
          aria-label="New parameter name"
          placeholder="Add a parameter (e.g. sampler)"
          value={newKey}
          maxLength={100}
          disabled={disabled}
          aria-invalid={problem ? 'true' : 'false'}
          onChange={(e) => setNewKey(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') addKey();
          }}
        />
        <button type="button" className="icon-btn" aria-label="Add parameter" disabled={disabled || newKey.trim() === ''} onClick={addKey}>
          <Plus size={14} />
        </button>
      </div>
      {problem ? <span className="field-error">{problem}</span> : null}
    </div>
  );
}
