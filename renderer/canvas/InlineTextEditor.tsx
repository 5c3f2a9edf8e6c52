import { useEffect, useRef, useState } from 'react';

interface Props {
  readonly initial: string;
  readonly multiline: boolean;
  readonly label: string;
  /** Screen box of the text, and the canvas zoom for the font size. */
  readonly box: { readonly left: number; readonly top: number; readonly width: number; readonly height?: number; readonly zoom: number };
  readonly fontSize: number;
  readonly onCommit: (value: string) => void;
  readonly onCancel: () => void;
}

/**
 * A DOM text field laid over a record (Konva has no text input): Enter commits a single line,
 * Cmd/Ctrl+Enter a note; Escape cancels; leaving the field commits. One commit is one undo step.
 */
export function InlineTextEditor({ initial, multiline, label, box, fontSize, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(multiline ? value : value.trim());
    else onCancel();
  };
  const size = Math.max(11, Math.min(32, fontSize * box.zoom));
  const common = {
    ref: input,
    className: `inline-title-editor${multiline ? ' multiline' : ''}`,
    'aria-label': label,
    value,
    maxLength: multiline ? 20_000 : 500,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => finish(true),
    onKeyDown: (e: React.KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Escape') finish(false);
      else if (e.key === 'Enter' && (!multiline || e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        finish(true);
      }
    },
  };
  const style = { left: box.left, top: box.top, width: Math.max(120, box.width), fontSize: size };
  return multiline ? (
    <textarea {...common} style={{ ...style, height: Math.max(60, box.height ?? 100) }} />
  ) : (
    <input {...common} style={{ ...style, height: size + 12 }} />
  );
}
