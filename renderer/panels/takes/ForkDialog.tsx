import { Dices } from 'lucide-react';
import { useState } from 'react';
import type { Recipe } from '../../../shared/model/take.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { parseSeed, randomSeed } from './recipeFields.ts';

export type ForkMode = 'seed' | 'prompt';

interface Props {
  readonly mode: ForkMode | null;
  readonly parentLabel: string;
  readonly recipe: Recipe;
  readonly onCancel: () => void;
  readonly onFork: (changes: Partial<Recipe>) => void;
}

/** Fork with a typed seed, or with an edited prompt: the rest of the recipe is the parent's. */
export function ForkDialog({ mode, parentLabel, recipe, onCancel, onFork }: Props) {
  return (
    <ModalDialog
      open={mode !== null}
      onOpenChange={(o) => !o && onCancel()}
      title={mode === 'prompt' ? `Fork ${parentLabel} with an edited prompt` : `Fork ${parentLabel} with another seed`}
      description="The new take keeps the rest of the recipe and remembers it came from this one."
      width={mode === 'prompt' ? 560 : 420}
    >
      {mode === 'seed' ? <SeedForm current={recipe.seed} onCancel={onCancel} onFork={onFork} /> : null}
      {mode === 'prompt' ? <PromptForm recipe={recipe} onCancel={onCancel} onFork={onFork} /> : null}
    </ModalDialog>
  );
}

function SeedForm({ current, onCancel, onFork }: { current: string | null; onCancel: () => void; onFork: (changes: Partial<Recipe>) => void }) {
  const [text, setText] = useState(() => randomSeed());
  const parsed = parseSeed(text);
  const same = parsed.ok && parsed.value === current;
  return (
    <form
      className="dialog-body"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed.ok && parsed.value !== null) onFork({ seed: parsed.value });
      }}
    >
      <label className="field">
        <span className="field-label">New seed</span>
        <span className="seed-input">
          <input
            className="input mono"
            aria-label="New seed"
            autoFocus
            inputMode="numeric"
            value={text}
            maxLength={20}
            aria-invalid={parsed.ok ? 'false' : 'true'}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            className="icon-btn"
            aria-label="Another random seed"
            title="Another random seed (32-bit)"
            onClick={() => setText(randomSeed())}
          >
            <Dices size={15} />
          </button>
        </span>
        {!parsed.ok ? <span className="field-error">{parsed.problem}</span> : null}
        {parsed.ok && parsed.value === null ? <span className="field-error">Type a seed, or roll a random one</span> : null}
        {same ? <span className="field-hint">The same seed as the parent: expect the same output from a deterministic backend.</span> : null}
        <span className="field-hint tabular">Parent seed: {current ?? 'unknown'}</span>
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={!parsed.ok || parsed.value === null}>
          Fork take
        </button>
      </div>
    </form>
  );
}

function PromptForm({ recipe, onCancel, onFork }: { recipe: Recipe; onCancel: () => void; onFork: (changes: Partial<Recipe>) => void }) {
  const [prompt, setPrompt] = useState(recipe.prompt);
  const [negativePrompt, setNegativePrompt] = useState(recipe.negativePrompt);
  return (
    <form
      className="dialog-body"
      onSubmit={(e) => {
        e.preventDefault();
        onFork({ prompt, negativePrompt });
      }}
    >
      <label className="field">
        <span className="field-label">Prompt</span>
        <textarea
          className="textarea"
          aria-label="Fork prompt"
          autoFocus
          rows={7}
          value={prompt}
          maxLength={100000}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Negative prompt</span>
        <textarea
          className="textarea"
          aria-label="Fork negative prompt"
          rows={2}
          value={negativePrompt}
          maxLength={100000}
          onChange={(e) => setNegativePrompt(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Fork take
        </button>
      </div>
    </form>
  );
}
