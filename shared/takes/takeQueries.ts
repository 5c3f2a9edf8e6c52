import type { ShotId, TakeId } from '../ids.ts';
import type { ShotRecord, ShotStatus } from '../model/shot.ts';
import type { DefectType, TakeRecord, Verdict } from '../model/take.ts';
import { normalizeModelName } from './retiredModels.ts';

/**
 * Filters across the project's takes ("rejected takes with identity drift on model X"). Each
 * criterion narrows the result; an absent or empty criterion does not filter. The answer names
 * the matching takes and their shots, so the canvas can highlight the cards.
 */
export interface TakeFilter {
  /** 'none' matches takes not judged yet. */
  readonly verdicts?: readonly (Verdict | 'none')[];
  /** Takes with at least one defect of any of these types. */
  readonly defectTypes?: readonly DefectType[];
  /** Model names, compared ignoring case, spaces and punctuation. */
  readonly models?: readonly string[];
  /** Provider preset ids or free text, compared like models. */
  readonly providers?: readonly string[];
  /** Score range, inclusive; when either bound is set, unscored takes do not match. */
  readonly scoreMin?: number | null;
  readonly scoreMax?: number | null;
  readonly shotStatuses?: readonly ShotStatus[];
  /** Scene ids; null stands for shots outside every scene. */
  readonly sceneIds?: readonly (string | null)[];
}

export interface TakeQueryResult {
  readonly takeIds: ReadonlySet<TakeId>;
  readonly shotIds: ReadonlySet<ShotId>;
}

const active = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** True when the filter narrows nothing (the UI shows no "filtered" state). */
export function isEmptyFilter(filter: TakeFilter): boolean {
  return (
    !active(filter.verdicts) &&
    !active(filter.defectTypes) &&
    !active(filter.models) &&
    !active(filter.providers) &&
    !active(filter.shotStatuses) &&
    !active(filter.sceneIds) &&
    (filter.scoreMin ?? null) === null &&
    (filter.scoreMax ?? null) === null
  );
}

/**
 * Takes whose shot is gone cannot match a shot status or scene criterion, and never add a shot
 * id; otherwise they are filtered like any take.
 */
export function queryTakes(takes: Iterable<TakeRecord>, shots: Iterable<ShotRecord>, filter: TakeFilter): TakeQueryResult {
  const shotById = new Map<string, ShotRecord>();
  for (const shot of shots) shotById.set(shot.id, shot);
  const verdicts = active(filter.verdicts) ? new Set(filter.verdicts) : null;
  const defects = active(filter.defectTypes) ? new Set(filter.defectTypes) : null;
  const models = active(filter.models) ? new Set(filter.models.map(normalizeModelName)) : null;
  const providers = active(filter.providers) ? new Set(filter.providers.map(normalizeModelName)) : null;
  const statuses = active(filter.shotStatuses) ? new Set(filter.shotStatuses) : null;
  const scenes = active(filter.sceneIds) ? new Set(filter.sceneIds) : null;
  const min = filter.scoreMin ?? null;
  const max = filter.scoreMax ?? null;

  const takeIds = new Set<TakeId>();
  const shotIds = new Set<ShotId>();
  for (const take of takes) {
    const { judgement, recipe } = take;
    if (verdicts && !verdicts.has(judgement.verdict ?? 'none')) continue;
    if (defects && !judgement.defects.some((d) => defects.has(d.type))) continue;
    if (models && !models.has(normalizeModelName(recipe.model))) continue;
    if (providers && !providers.has(normalizeModelName(recipe.provider))) continue;
    if ((min !== null || max !== null) && (judgement.score === null || (min !== null && judgement.score < min) || (max !== null && judgement.score > max)))
      continue;
    const shot = shotById.get(take.shotId);
    if ((statuses || scenes) && !shot) continue;
    if (statuses && !statuses.has(shot!.status)) continue;
    if (scenes && !scenes.has(shot!.sceneId)) continue;
    takeIds.add(take.id);
    if (shot) shotIds.add(shot.id);
  }
  return { takeIds, shotIds };
}
