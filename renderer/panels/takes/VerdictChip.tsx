import { Ban, CircleCheck, CirclePause, CircleDashed, RefreshCw } from 'lucide-react';
import type { Verdict } from '../../../shared/model/take.ts';
import { UNJUDGED_COLOR, VERDICT_COLORS, VERDICT_LABELS } from '../../canvas/canvasTheme.ts';

const ICONS = { select: CircleCheck, hold: CirclePause, reject: Ban, regenerate: RefreshCw } as const;

export function VerdictIcon({ verdict, size = 12 }: { readonly verdict: Verdict | null; readonly size?: number }) {
  const Icon = verdict ? ICONS[verdict] : CircleDashed;
  return <Icon size={size} aria-hidden="true" color={verdict ? VERDICT_COLORS[verdict] : UNJUDGED_COLOR} />;
}

/** A verdict as colour, icon and word (never colour alone). */
export function VerdictChip({ verdict }: { readonly verdict: Verdict | null }) {
  return (
    <span className={`verdict-chip${verdict ? ` verdict-${verdict}` : ' verdict-none'}`}>
      <VerdictIcon verdict={verdict} size={11} />
      {verdict ? VERDICT_LABELS[verdict] : 'Not judged'}
    </span>
  );
}
