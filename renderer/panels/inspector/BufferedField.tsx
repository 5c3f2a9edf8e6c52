import { useState } from 'react';

interface BaseProps {
  readonly value: string;
  readonly ariaLabel: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  /** Returns a message when the text cannot be committed. */
  readonly validate?: (text: string) => string | null;
  readonly onCommit: (text: string) => void;
  readonly disabled?: boolean;
}

/**
 * Text fields that commit on blur or Enter (not per keystroke), so one edit of a field is one
 * document change, and that follow the record when it changes elsewhere (canvas, undo).
 */
function useBuffered({ value, validate, onCommit }: BaseProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // Follow the record when it changes elsewhere (React's "adjust state on prop change" pattern).
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
    setProblem(null);
  }
  const commit = () => {
    const message = validate?.(text) ?? null;
    setProblem(message);
    if (message === null && text !== value) onCommit(text);
  };
  const revert = () => {
    setText(value);
    setProblem(null);
  };
  return { text, setText, problem, commit, revert };
}

export function BufferedInput(props: BaseProps & { readonly inputMode?: 'numeric' | 'text'; /** A <datalist> of suggestions. */ readonly list?: string }) {
  const { text, setText, problem, commit, revert } = useBuffered(props);
  return (
    <>
      <input
        className="input"
        aria-label={props.ariaLabel}
        aria-invalid={problem ? 'true' : 'false'}
        value={text}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        list={props.list}
        disabled={props.disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') revert();
        }}
      />
      {problem ? <span className="field-error">{problem}</span> : null}
    </>
  );
}

export function BufferedTextArea(props: BaseProps) {
  const { text, setText, commit, revert } = useBuffered(props);
  return (
    <textarea
      className="textarea"
      aria-label={props.ariaLabel}
      value={text}
      rows={5}
      disabled={props.disabled}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
        else if (e.key === 'Escape') revert();
      }}
    />
  );
}
