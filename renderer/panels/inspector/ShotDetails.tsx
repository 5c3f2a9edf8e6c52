import { Lock, LockOpen } from 'lucide-react';
import { useMemo } from 'react';
import type { SceneId } from '../../../shared/ids.ts';
import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { EditableShotFields } from '../../editor/shotCommands.ts';
import { updateShot } from '../../editor/shotCommands.ts';
import { mattersToNumbering, readCut } from '../common/cutSnapshot.ts';
import { sceneLabel } from '../common/sceneLabels.ts';
import { useDocumentValue } from '../common/useDocumentValue.ts';
import { BufferedInput, BufferedTextArea } from './BufferedField.tsx';
import { CustomFieldsEditor } from './CustomFieldsEditor.tsx';
import { TagInput } from './TagInput.tsx';
import { MAX_NUMBER_OVERRIDE_LENGTH, mattersToDetailOptions, parseNumberOverride, readDetailOptions } from './shotFieldRules.ts';

interface Props {
  readonly store: DocumentStore;
  readonly shot: ShotRecord;
  readonly disabled: boolean;
}

/**
 * The inspector's editors for a shot's scene, number override, dialogue, action, tags and
 * user-defined fields. Every commit is one updateShot call, so one undo step.
 */
export function ShotDetails({ store, shot, disabled }: Props) {
  const options = useDocumentValue(store, mattersToDetailOptions, readDetailOptions);
  const cut = useDocumentValue(store, mattersToNumbering, readCut);
  // What the number would be without an override: shown as the placeholder of the override field.
  const derived = useMemo(() => {
    const shots = cut.shots.map((s) => (s.id === shot.id && s.numberOverride !== null ? { ...s, numberOverride: null } : s));
    return deriveShotNumbers(shots, cut.scenes).get(shot.id) ?? '';
  }, [cut, shot.id]);
  const set = (patch: Partial<EditableShotFields>) => updateShot(store, shot.id, patch);
  const locked = shot.numberOverride !== null && shot.numberOverride.trim() !== '';
  const sceneKnown = shot.sceneId === null || options.scenes.some((s) => s.id === shot.sceneId);

  // Keyed by shot, so a half-typed value never follows the selection to another shot.
  return (
    <div className="shot-details" key={shot.id}>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Scene</span>
          <select
            className="select"
            aria-label="Scene"
            disabled={disabled}
            value={shot.sceneId ?? ''}
            onChange={(e) => set({ sceneId: e.target.value === '' ? null : (e.target.value as SceneId) })}
          >
            <option value="">No scene</option>
            {!sceneKnown ? <option value={shot.sceneId ?? ''}>Missing scene</option> : null}
            {options.scenes.map((scene) => (
              <option key={scene.id} value={scene.id}>
                {sceneLabel(scene)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field-label">Number</span>
          <div className="number-override">
            <BufferedInput
              ariaLabel={`Shot number override; empty uses the derived number ${derived}`}
              value={shot.numberOverride ?? ''}
              placeholder={derived}
              maxLength={MAX_NUMBER_OVERRIDE_LENGTH}
              disabled={disabled}
              validate={(text) => parseNumberOverride(text).problem}
              onCommit={(text) => set({ numberOverride: parseNumberOverride(text).value })}
            />
            <button
              type="button"
              className="icon-btn number-lock"
              aria-label={
                locked ? `Unlock the number: go back to the derived number ${derived}` : 'The number follows scene and cut order; type one to lock it'
              }
              title={
                locked
                  ? `Locked: reordering keeps ${shot.numberOverride}. Click to use ${derived} again.`
                  : 'Derived from scene and cut order. Type a number to lock it.'
              }
              aria-pressed={locked}
              disabled={disabled || !locked}
              onClick={() => set({ numberOverride: null })}
            >
              {locked ? <Lock size={14} /> : <LockOpen size={14} />}
            </button>
          </div>
        </div>
      </div>
      <label className="field">
        <span className="field-label">Dialogue</span>
        <BufferedTextArea
          ariaLabel="Dialogue"
          value={shot.dialogue}
          placeholder="Lines spoken in this shot"
          maxLength={20000}
          disabled={disabled}
          onCommit={(dialogue) => set({ dialogue })}
        />
      </label>
      <label className="field">
        <span className="field-label">Action</span>
        <BufferedTextArea
          ariaLabel="Action"
          value={shot.action}
          placeholder="What the characters and the camera do"
          maxLength={20000}
          disabled={disabled}
          onCommit={(action) => set({ action })}
        />
      </label>
      <TagInput tags={shot.tags} suggestions={options.tags} disabled={disabled} onChange={(tags) => set({ tags })} />
      <CustomFieldsEditor fields={shot.customFields} suggestions={options.fieldKeys} disabled={disabled} onChange={(customFields) => set({ customFields })} />
    </div>
  );
}
