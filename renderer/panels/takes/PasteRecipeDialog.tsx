import { useEffect, useState } from 'react';
import type { Recipe } from '../../../shared/model/take.ts';
import { parseRecipeJson } from '../../../shared/takes/recipeJson.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';

interface Props {
  readonly open: boolean;
  readonly takeLabel: string;
  readonly onCancel: () => void;
  readonly onApply: (recipe: Recipe) => void;
}

/**
 * Paste (or type) a recipe as JSON. The clipboard's text is put in when the browser allows
 * reading it; problems are shown under the field, naming the field that is wrong.
 */
export function PasteRecipeDialog({ open, takeLabel, onCancel, onApply }: Props) {
  return (
    <ModalDialog
      open={open}
      onOpenChange={(o) => !o && onCancel()}
      title={`Paste a recipe into ${takeLabel}`}
      description="JSON as “Copy recipe as JSON” writes it. Fields left out are empty; the whole recipe is replaced (undo brings it back)."
      width={560}
    >
      <PasteForm onCancel={onCancel} onApply={onApply} />
    </ModalDialog>
  );
}

function PasteForm({ onCancel, onApply }: Pick<Props, 'onCancel' | 'onApply'>) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Reading the clipboard may be refused (permission, web host): then the user pastes by hand.
    navigator.clipboard
      ?.readText()
      .then((clip) => {
        if (live && clip.trim().startsWith('{')) setText((current) => (current === '' ? clip : current));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const apply = () => {
    const parsed = parseRecipeJson(text);
    if (parsed.ok) onApply(parsed.value);
    else setProblem(parsed.error.message);
  };
  return (
    <form
      className="dialog-body"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="field">
        <span className="field-label">Recipe JSON</span>
        <textarea
          className="textarea mono recipe-json"
          aria-label="Recipe JSON"
          autoFocus
          rows={12}
          spellCheck={false}
          value={text}
          aria-invalid={problem ? 'true' : 'false'}
          placeholder={'{\n  "provider": "runway-gen4",\n  "model": "gen4_turbo",\n  "prompt": "…",\n  "seed": "42"\n}'}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
        {problem ? (
          <span className="field-error" role="alert" data-testid="recipe-paste-error">
            {problem}
          </span>
        ) : null}
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={text.trim() === ''}>
          Replace recipe
        </button>
      </div>
    </form>
  );
}
