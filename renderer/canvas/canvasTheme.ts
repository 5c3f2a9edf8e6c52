import type { ShotStatus } from '../../shared/model/shot.ts';
import type { Verdict } from '../../shared/model/take.ts';

/**
 * Canvas colours mirror the CSS tokens (Konva draws on a 2D context and cannot read CSS
 * variables per frame). Status colours double as the Resolve marker colours we export.
 */
export const CANVAS_COLORS = {
  background: '#111214',
  gridDot: '#2c2f35',
  card: '#202226',
  cardStroke: '#33363c',
  cardHoverStroke: '#4a4e57',
  thumb: '#17181b',
  text1: '#e8e9eb',
  text2: '#a7abb3',
  text3: '#6c717a',
  accent: '#4c8dff',
} as const;

export const STATUS_COLORS: Readonly<Record<ShotStatus, string>> = {
  idea: '#7a7f87',
  planned: '#4c8dff',
  generating: '#9b6cff',
  'in-review': '#f2b33d',
  approved: '#3ecf8e',
  locked: '#2bb3c0',
  omitted: '#f25c54',
};

export const STATUS_LABELS: Readonly<Record<ShotStatus, string>> = {
  idea: 'Idea',
  planned: 'Planned',
  generating: 'Generating',
  'in-review': 'In review',
  approved: 'Approved',
  locked: 'Locked',
  omitted: 'Omitted',
};

export const CANVAS_FONT = "'Inter Variable', Inter, system-ui, sans-serif";

/** Take verdict colours: the Resolve marker colours of UI.md (select Green, hold Yellow, reject Red, regenerate Pink). */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  select: '#3ecf8e',
  hold: '#f2b33d',
  reject: '#f25c54',
  regenerate: '#e36bd0',
};

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  select: 'Select',
  hold: 'Hold',
  reject: 'Reject',
  regenerate: 'Regenerate',
};

/** A take not judged yet. */
export const UNJUDGED_COLOR = '#7a7f87';
