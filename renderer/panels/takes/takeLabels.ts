import type { DefectSeverity, DefectType, TakeRecord } from '../../../shared/model/take.ts';

/** Words for the take taxonomy, shared by the take list, the detail and the filters. */

export const DEFECT_LABELS: Readonly<Record<DefectType, string>> = {
  flicker: 'Flicker',
  'temporal-inconsistency': 'Temporal inconsistency',
  'identity-drift': 'Identity drift',
  morphing: 'Morphing',
  'wrong-motion': 'Wrong motion',
  'wrong-camera-move': 'Wrong camera move',
  artifacts: 'Artifacts',
  'prompt-ignored': 'Prompt ignored',
  framing: 'Framing',
  other: 'Other',
};

export const SEVERITY_LABELS: Readonly<Record<DefectSeverity, string>> = {
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

export const SEVERITY_COLORS: Readonly<Record<DefectSeverity, string>> = {
  minor: '#f2b33d',
  major: '#ff8a3d',
  critical: '#f25c54',
};

/** "T3", the name a take goes by everywhere. */
export function takeName(take: Pick<TakeRecord, 'number'>): string {
  return `T${take.number}`;
}

/** The first characters of a sha256, enough to tell files apart at a glance. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
