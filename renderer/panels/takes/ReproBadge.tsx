import * as Tooltip from '@radix-ui/react-tooltip';
import { ShieldAlert, ShieldCheck, ShieldOff, ShieldQuestion, ShieldX, Shuffle } from 'lucide-react';
import type { Reproducibility, ReproducibilityStatus } from '../../../shared/takes/reproducibility.ts';

const STYLE: Readonly<Record<ReproducibilityStatus, { label: string; short: string; icon: typeof ShieldCheck; tone: string }>> = {
  're-runnable': { label: 'Re-runnable', short: 'Re-runnable', icon: ShieldCheck, tone: 'ok' },
  incomplete: { label: 'Incomplete recipe', short: 'Incomplete', icon: ShieldAlert, tone: 'warn' },
  'input-missing': { label: 'Input missing', short: 'Input missing', icon: ShieldX, tone: 'danger' },
  'model-retired': { label: 'Model retired', short: 'Retired', icon: ShieldOff, tone: 'danger' },
  'non-deterministic': { label: 'Non-deterministic', short: 'Non-det.', icon: Shuffle, tone: 'info' },
  unknown: { label: 'Reproducibility unknown', short: 'Unknown', icon: ShieldQuestion, tone: 'muted' },
};

export function reproLabel(status: ReproducibilityStatus): string {
  return STYLE[status].label;
}

/** The reproducibility status as icon and word; its tooltip lists every reason behind it. */
export function ReproBadge({ repro, compact = false }: { readonly repro: Reproducibility; readonly compact?: boolean }) {
  const style = STYLE[repro.status];
  const Icon = style.icon;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <span
          className={`repro-badge tone-${style.tone}`}
          tabIndex={0}
          role="img"
          aria-label={`${style.label}. ${repro.reasons.join(' ')}`}
          data-testid="repro-badge"
          data-status={repro.status}
        >
          <Icon size={12} aria-hidden="true" />
          {compact ? null : <span>{style.short}</span>}
        </span>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip repro-tooltip" side="left" sideOffset={6} collisionPadding={8}>
          <strong>{style.label}</strong>
          <ul>
            {repro.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
