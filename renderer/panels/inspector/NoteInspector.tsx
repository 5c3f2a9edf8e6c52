import type { NoteRecord } from '../../../shared/model/note.ts';
import { NOTE_COLORS } from '../../../shared/model/note.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { updateRecord } from '../../editor/recordCommands.ts';
import { BufferedTextArea } from './BufferedField.tsx';

export function NoteInspector({ store, note }: { store: DocumentStore; note: NoteRecord }) {
  const disabled = store.readOnly !== null;
  return (
    <>
      <header className="inspector-header">
        <span className="inspector-kicker">Sticky note</span>
      </header>
      <div className="inspector-body">
        <label className="field">
          <span className="field-label">Text</span>
          <BufferedTextArea
            disabled={disabled}
            ariaLabel="Note text"
            value={note.text}
            placeholder="An idea, a reminder, a line of script…"
            maxLength={20000}
            onCommit={(text) => updateRecord<NoteRecord>(store, note.id, { text })}
          />
        </label>
        <div className="field">
          <span className="field-label">Colour</span>
          <div className="swatches" role="radiogroup" aria-label="Note colour">
            {NOTE_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                role="radio"
                aria-checked={note.color === color}
                aria-label={`Colour ${color}`}
                className="swatch"
                style={{ background: color }}
                disabled={disabled}
                onClick={() => updateRecord<NoteRecord>(store, note.id, { color })}
              />
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
