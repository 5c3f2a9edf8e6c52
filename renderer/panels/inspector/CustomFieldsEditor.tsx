import { Plus, X } from 'lucide-react';
import type { FocusEvent as ReactFocusEvent, KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { BufferedInput } from './BufferedField.tsx';
import { MAX_FIELD_KEY_LENGTH, MAX_FIELD_VALUE_LENGTH, fieldKeyProblem, removeField, renameField, setFieldValue } from './shotFieldRules.ts';

type Fields = Readonly<Record<string, string>>;

interface Props {
  readonly fields: Fields;
  /** Field names used on other shots, offered while naming a field. */
  readonly suggestions: readonly string[];
  readonly disabled?: boolean;
  /** One call per committed edit (one undo step). */
  readonly onChange: (fields: Record<string, string>) => void;
}

/** User-defined fields ("Location", "VFX"…) as name/value rows. */
export function CustomFieldsEditor({ fields, suggestions, disabled, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const listId = useId();
  const keys = Object.keys(fields);
  const lower = new Set(keys.map((k) => k.toLowerCase()));
  const offered = suggestions.filter((s) => !lower.has(s.toLowerCase()));

  return (
    <div className="field">
      <span className="field-label">Fields</span>
      {keys.length === 0 && !adding ? (
        <span className="field-hint">No custom fields. Add one for anything the project tracks, like Location or VFX.</span>
      ) : null}
      <div className="custom-fields">
        {keys.map((key) => (
          <div key={key} className="custom-field-row">
            <FieldKeyInput
              value={key}
              listId={listId}
              disabled={disabled}
              otherKeys={keys.filter((k) => k !== key)}
              onCommit={(next) => onChange(renameField(fields, key, next))}
            />
            <BufferedInput
              ariaLabel={`Value of ${key}`}
              value={fields[key] ?? ''}
              placeholder="Value"
              maxLength={MAX_FIELD_VALUE_LENGTH}
              disabled={disabled}
              onCommit={(value) => onChange(setFieldValue(fields, key, value))}
            />
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove field ${key}`}
              title={`Remove field ${key}`}
              disabled={disabled}
              onClick={() => onChange(removeField(fields, key))}
            >
              <X size={14} />
            </button>
          </div>
        ))}
        {adding ? (
          <NewFieldRow
            listId={listId}
            keys={keys}
            onDone={(entry) => {
              setAdding(false);
              if (entry) onChange(setFieldValue(fields, entry.key, entry.value));
            }}
          />
        ) : null}
      </div>
      <datalist id={listId}>
        {offered.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {!adding ? (
        <button type="button" className="btn btn-ghost add-field" disabled={disabled} onClick={() => setAdding(true)}>
          <Plus size={14} aria-hidden="true" /> Add field
        </button>
      ) : null}
    </div>
  );
}

interface KeyInputProps {
  readonly value: string;
  readonly listId: string;
  readonly otherKeys: readonly string[];
  readonly disabled?: boolean;
  readonly onCommit: (key: string) => void;
}

/** A field name: commits on blur or Enter when it is valid, Escape goes back to the saved name. */
function FieldKeyInput({ value, listId, otherKeys, disabled, onCommit }: KeyInputProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    if (text.trim() === value) {
      setText(value);
      setProblem(null);
      return;
    }
    const message = fieldKeyProblem(text, otherKeys);
    setProblem(message);
    if (message === null) onCommit(text.trim());
  };
  return (
    <span className="custom-field-key">
      <input
        className="input"
        aria-label={`Name of field ${value}`}
        aria-invalid={problem ? 'true' : 'false'}
        title={problem ?? undefined}
        value={text}
        list={listId}
        maxLength={MAX_FIELD_KEY_LENGTH}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') {
            e.stopPropagation();
            setText(value);
            setProblem(null);
          }
        }}
      />
      {problem ? <span className="field-error">{problem}</span> : null}
    </span>
  );
}

interface NewRowProps {
  readonly listId: string;
  readonly keys: readonly string[];
  /** The new field, or null when the row was cancelled or left empty. */
  readonly onDone: (entry: { key: string; value: string } | null) => void;
}

/** The row being added: name and value are committed together, when focus leaves the row. */
function NewFieldRow({ listId, keys, onDone }: NewRowProps) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const finish = () => {
    if (key.trim() === '' && value.trim() === '') return onDone(null);
    const message = fieldKeyProblem(key, keys);
    setProblem(message);
    if (message === null) onDone({ key: key.trim(), value });
  };
  const onBlur = (e: ReactFocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) finish();
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finish();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      onDone(null);
    }
  };

  return (
    <div className="custom-field-row" onBlur={onBlur} onKeyDown={onKeyDown}>
      <span className="custom-field-key">
        <input
          className="input"
          aria-label="Name of the new field"
          aria-invalid={problem ? 'true' : 'false'}
          placeholder="Name"
          value={key}
          list={listId}
          maxLength={MAX_FIELD_KEY_LENGTH}
          autoFocus
          onChange={(e) => setKey(e.target.value)}
        />
        {problem ? <span className="field-error">{problem}</span> : null}
      </span>
      <input
        className="input"
        aria-label="Value of the new field"
        placeholder="Value"
        value={value}
        maxLength={MAX_FIELD_VALUE_LENGTH}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="button" className="icon-btn" aria-label="Cancel the new field" onClick={() => onDone(null)}>
        <X size={14} />
      </button>
    </div>
  );
}
