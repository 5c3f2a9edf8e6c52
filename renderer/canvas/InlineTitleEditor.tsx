import { useEffect, useRef, useState } from 'react';

interface Props {
  readonly initial: string;
  /** Screen position of the card's title line, and the canvas zoom for the font size. */
  readonly box: { readonly left: number; readonly top: number; readonly width: number; readonly zoom: number };
  readonly onCommit: (value: string) => void;
  readonly onCancel: () => void;
}

/** A DOM text field laid over a card's title (Konva has no text input): Enter commits, Escape cancels. */
export function InlineTitleEditor({ initial, box, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(value.trim());
    else onCancel();
  };
  const fontSize = Math.max(11, Math.min(28, 13 * box.zoom));
  return (
    <input
      ref={ref}
      className="inline-title-editor"
      aria-label="Shot title"
      value={value}
      maxLength={500}
      style={{ left: box.left, top: box.top, width: Math.max(120, box.width), fontSize, height: fontSize + 12 }}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
