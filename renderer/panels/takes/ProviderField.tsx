import { useId } from 'react';
import { PROVIDER_PRESETS, providerLabel } from '../../../shared/takes/providers.ts';
import { BufferedInput } from '../inspector/BufferedField.tsx';

/** The preset id for text that names one (by label or id, any case), or the text itself. */
export function providerFromText(text: string): string {
  const wanted = text.trim().toLowerCase();
  const preset = PROVIDER_PRESETS.find((p) => p.label.toLowerCase() === wanted || p.id === wanted);
  return preset ? preset.id : text.trim();
}

interface Props {
  readonly value: string;
  readonly disabled: boolean;
  /** A preset id or free text. */
  readonly onCommit: (provider: string) => void;
}

/** A combobox: the generator presets to pick from, or any provider typed as free text. */
export function ProviderField({ value, disabled, onCommit }: Props) {
  const listId = useId();
  return (
    <>
      <BufferedInput
        ariaLabel="Provider"
        value={providerLabel(value)}
        placeholder="Pick or type"
        maxLength={200}
        disabled={disabled}
        list={listId}
        onCommit={(text) => onCommit(providerFromText(text))}
      />
      <datalist id={listId}>
        {PROVIDER_PRESETS.map((preset) => (
          <option key={preset.id} value={preset.label} />
        ))}
      </datalist>
    </>
  );
}
