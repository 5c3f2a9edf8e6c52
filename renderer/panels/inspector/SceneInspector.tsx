import { ChevronDown, ChevronRight } from 'lucide-react';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import { SCENE_COLORS } from '../../../shared/model/scene.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { sceneMembers, updateRecord } from '../../editor/recordCommands.ts';
import type { Selection } from '../../editor/selection.ts';
import { BufferedInput } from './BufferedField.tsx';

/** A scene: number (shot numbers derive from it), title, colour, collapse, its shots. */
export function SceneInspector({ store, scene, selection }: { store: DocumentStore; scene: SceneRecord; selection: Selection }) {
  const disabled = store.readOnly !== null;
  const set = (patch: Partial<Omit<SceneRecord, 'id' | 'kind'>>) => updateRecord<SceneRecord>(store, scene.id, patch);
  const members = sceneMembers(store, scene.id);
  return (
    <>
      <header className="inspector-header">
        <span className="inspector-kicker">Scene</span>
        <span className="inspector-number tabular">{scene.number || '—'}</span>
      </header>
      <div className="inspector-body">
        <div className="field-row">
          <label className="field">
            <span className="field-label">Number</span>
            <BufferedInput
              disabled={disabled}
              ariaLabel="Scene number"
              value={scene.number}
              placeholder="12"
              maxLength={20}
              onCommit={(number) => set({ number: number.trim() })}
            />
          </label>
          <div className="field">
            <span className="field-label">Colour</span>
            <div className="swatches" role="radiogroup" aria-label="Scene colour">
              {SCENE_COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  role="radio"
                  aria-checked={scene.color === color}
                  aria-label={`Colour ${color}`}
                  className="swatch"
                  style={{ background: color }}
                  disabled={disabled}
                  onClick={() => set({ color })}
                />
              ))}
            </div>
          </div>
        </div>
        <label className="field">
          <span className="field-label">Title</span>
          <BufferedInput
            disabled={disabled}
            ariaLabel="Scene title"
            value={scene.title}
            placeholder="INT. KITCHEN · NIGHT"
            maxLength={500}
            onCommit={(title) => set({ title })}
          />
        </label>
        <button type="button" className="btn" disabled={disabled} onClick={() => set({ collapsed: !scene.collapsed })}>
          {scene.collapsed ? <ChevronRight size={14} /> : <ChevronDown size={14} />} {scene.collapsed ? 'Expand scene' : 'Collapse scene'}
        </button>
        <div className="field">
          <span className="field-label">Shots</span>
          <span className="field-hint">
            {members.length} {members.length === 1 ? 'shot' : 'shots'} · drop a shot inside the frame to add it, drag it out to remove it
          </span>
          {members.length > 0 ? (
            <button type="button" className="btn btn-ghost" onClick={() => selection.set(members.map((m) => m.id))}>
              Select its shots
            </button>
          ) : null}
        </div>
      </div>
    </>
  );
}
