import * as ToggleGroup from '@radix-ui/react-toggle-group';
import type { CSSProperties, ReactNode } from 'react';

export interface SegmentOption<T extends string> {
  readonly value: T;
  readonly label: ReactNode;
  /** The accessible name when the label is not plain text. */
  readonly ariaLabel?: string;
  /** Tints the pressed segment (verdict colours). */
  readonly color?: string;
}

interface Props<T extends string> {
  readonly ariaLabel: string;
  readonly value: T | null;
  readonly options: readonly SegmentOption<T>[];
  /** Pressing the pressed segment again clears the value (null). */
  readonly onChange: (value: T | null) => void;
  readonly disabled?: boolean;
  readonly className?: string;
}

/** A row of mutually exclusive buttons (Radix ToggleGroup: arrow keys move, Space/Enter press). */
export function SegmentedControl<T extends string>({ ariaLabel, value, options, onChange, disabled, className }: Props<T>) {
  return (
    <ToggleGroup.Root
      type="single"
      className={`segmented${className ? ` ${className}` : ''}`}
      aria-label={ariaLabel}
      value={value ?? ''}
      disabled={disabled}
      onValueChange={(next) => onChange(next === '' ? null : (next as T))}
    >
      {options.map((option) => (
        <ToggleGroup.Item
          key={option.value}
          value={option.value}
          className="segment"
          aria-label={option.ariaLabel}
          style={option.color ? ({ '--segment-color': option.color } as CSSProperties) : undefined}
        >
          {option.label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
