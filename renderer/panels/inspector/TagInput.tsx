import { X } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { MAX_TAG_LENGTH, addTags } from './shotFieldRules.ts';

interface Props {
  readonly tags: readonly string[];
  /** Tags used elsewhere in the project, offered while typing. */
  readonly suggestions: readonly string[];
  readonly disabled?: boolean;
  /** One call per change, so adding or removing a tag is one undo step. */
  readonly onChange: (tags: string[]) => void;
}

/** Tags as chips: Enter or a comma adds, Backspace in the empty field removes the last, × removes one. */
export function TagInput({ tags, suggestions, disabled, onChange }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  const problemId = useId();

  const commit = (input: string): string => {
    const result = addTags(tags, input);
    setProblem(result.problem);
    if (result.tags.length !== tags.length) onChange([...result.tags]);
    return result.problem ? input : '';
  };

  const onInput = (value: string) => {
    // A typed or pasted comma completes the tags before it.
    const last = value.lastIndexOf(',');
    if (last < 0) {
      setText(value);
      return;
    }
    const rest = value.slice(last + 1);
    commit(value.slice(0, last));
    setText(rest.trimStart());
  };

  const remove = (index: number) => {
    onChange(tags.filter((_, i) => i !== index));
    setProblem(null);
    inputRef.current?.focus();
  };

  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const offered = suggestions.filter((s) => !lower.has(s.toLowerCase()));

  return (
    <div className="field">
      <span className="field-label" id={`${listId}-label`}>
        Tags
      </span>
      <div
        className={`tag-input${disabled ? ' disabled' : ''}`}
        role="group"
        aria-labelledby={`${listId}-label`}
        onPointerDown={(e) => {
          if (e.target === e.currentTarget) {
            e.preventDefault();
            inputRef.current?.focus();
          }
        }}
      >
        {tags.map((tag, index) => (
          <span key={`${tag}-${index}`} className="tag-chip">
            <span className="tag-chip-text">{tag}</span>
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} disabled={disabled} onClick={() => remove(index)}>
              <X size={11} />
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          className="tag-input-field"
          aria-label="Add a tag"
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={problem ? problemId : undefined}
          placeholder={tags.length === 0 ? 'Add tags: Enter or comma' : 'Add…'}
          list={listId}
          value={text}
          maxLength={MAX_TAG_LENGTH * 4}
          disabled={disabled}
          onChange={(e) => onInput(e.target.value)}
          onBlur={() => setText(commit(text))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setText(commit(text));
            } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
              e.preventDefault();
              onChange(tags.slice(0, -1));
            } else if (e.key === 'Escape' && text !== '') {
              e.stopPropagation();
              setText('');
              setProblem(null);
            }
          }}
        />
        <datalist id={listId}>
          {offered.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      {problem ? (
        <span className="field-error" id={problemId}>
          {problem}
        </span>
      ) : null}
    </div>
  );
}
