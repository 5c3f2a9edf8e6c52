import * as Tooltip from '@radix-ui/react-tooltip';
import type { ReactNode } from 'react';

interface Props {
  readonly label: string;
  readonly shortcut?: string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}

/** Icon-only button with an accessible name and a tooltip that shows its shortcut. */
export function IconButton({ label, shortcut, pressed, disabled, onClick, children }: Props) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button type="button" className="icon-btn" aria-label={label} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
          {children}
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" side="right" sideOffset={6}>
          {label}
          {shortcut ? <span className="kbd">{shortcut}</span> : null}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
