import { describe, expect, it } from 'vitest';
import type { TakeId } from '../../../shared/ids.ts';
import { COLLECTION_OF, allRecords } from '../../../shared/model/documentData.ts';
import type { ProjectData } from '../../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFile, parseProjectFileText, validateProjectData } from '../../../shared/model/projectFile.ts';
import { docRecordSchema, isCanvasRecord } from '../../../shared/model/records.ts';
import { DEFAULT_RETIRED_MODELS } from '../../../shared/takes/retiredModels.ts';
import { arrow, contentHash, note, projectData, projectFile, scene, shot } from '../fixtures.ts';
import { defect, fullRecipe, media, take } from '../takes/takeFixtures.ts';

const WHERE = '/projects/Harbour/project.json';

/** A format-4 document: shots with takes (one forked, one selected, one planned) and retired models. */
function withTakes(): ProjectData {
  const a = shot({ title: 'Wide' });
  const b = shot({ title: 'Close-up' });
  const t1 = take(a.id, {
    number: 1,
    judgement: {
      intent: 'Ferry enters left',
      observation: 'Ferry morphs at 40',
      defects: [defect('morphing', { startFrame: 38, endFrame: 52 })],
      score: 2,
      verdict: 'regenerate',
    },
  });
  const t2 = take(a.id, { number: 2, parentTakeId: t1.id, recipe: fullRecipe({ seed: '18446744073709551615' }), trimIn: 12, trimOut: 108 });
  const planned = take(b.id, { number: 1, media: null });
  return projectData([{ ...a, selectedTakeId: t2.id }, b], { retiredModels: DEFAULT_RETIRED_MODELS }, [], {
    takes: [t1, t2, planned],
    arrows: [arrow(a.id, b.id)],
  });
}

function refusal(data: unknown): string {
  const result = validateProjectData(data, WHERE);
  if (result.ok) throw new Error('expected the data to be refused');
  return result.error.message;
}

describe('project files with takes (format 4)', () => {
  it('round-trip takes and the retired-model list exactly, 64-bit seeds included', () => {
    const file = projectFile({ data: withTakes() });
    expect(file.schemaVersion).toBe(4);
    expect(PROJECT_SCHEMA_VERSION).toBe(4);
    expect(parseProjectFileText(JSON.stringify(file, null, 1), WHERE)).toEqual({ ok: true, value: file });
  });

  it('takes are a record kind: in allRecords, their own collection, the union schema, off the canvas', () => {
    const data = withTakes();
    expect(allRecords(data).filter((r) => r.kind === 'take')).toEqual(data.takes);
    expect(COLLECTION_OF.take).toBe('takes');
    for (const t of data.takes) {
      expect(docRecordSchema.parse(t)).toEqual(t);
      expect(isCanvasRecord(t)).toBe(false);
    }
    for (const r of [shot(), scene(), note()]) expect(isCanvasRecord(r)).toBe(true);
  });

  it('opens a project whose take references dangle rather than refusing it all: a stray take, a deleted parent, a deleted circle take', () => {
    const data = withTakes();
    const gone = 'a1b2c3d4-0000-4000-8000-00000000dead' as TakeId;
    const orphanFork = take(data.shots[1]!.id, { number: 2, parentTakeId: gone });
    const stray = take(shot().id);
    const shots = [{ ...data.shots[0]!, selectedTakeId: gone }, data.shots[1]!];
    expect(validateProjectData({ ...data, shots, takes: [...data.takes, orphanFork, stray] }, WHERE).ok).toBe(true);
  });

  it('still refuses a take id that another record uses', () => {
    const data = withTakes();
    expect(refusal({ ...data, takes: [...data.takes, take(data.shots[0]!.id, { id: data.shots[1]!.id as string as TakeId })] })).toMatch(
      /take id .+ appears twice/,
    );
  });

  it('refuses invalid takes, naming the field', () => {
    const data = withTakes();
    const bad = [
      [{ ...data.takes[0]!, number: 0 }, 'data.takes[0].number'],
      [{ ...data.takes[0]!, trimIn: 50, trimOut: 10 }, 'data.takes[0].trimOut'],
      [{ ...data.takes[0]!, media: { ...media(), path: 'elsewhere/a.mp4' } }, 'data.takes[0].media.path'],
      [{ ...data.takes[0]!, recipe: { ...fullRecipe(), seed: '18446744073709551616' } }, 'data.takes[0].recipe.seed'],
      [{ ...data.takes[0]!, parentTakeId: data.takes[0]!.id }, 'data.takes[0].parentTakeId'],
    ] as const;
    for (const [t, path] of bad) expect(refusal({ ...data, takes: [t] })).toContain(path);
  });

  it('requires settings.retiredModels in format 4 and validates its entries', () => {
    const data = withTakes();
    const { retiredModels: _gone, ...settings } = data.settings;
    expect(refusal({ ...data, settings })).toContain('data.settings.retiredModels');
    expect(
      refusal({ ...data, settings: { ...data.settings, retiredModels: [{ provider: 'OpenAI', model: 'sora-2', retiredOn: '2026-13-01', note: '' }] } }),
    ).toContain('data.settings.retiredModels[0].retiredOn');
  });

  it('a newer file opened read-only keeps its takes', () => {
    const data = { ...withTakes(), futureThings: [] };
    const text = JSON.stringify({ ...projectFile({ data: withTakes() }), schemaVersion: PROJECT_SCHEMA_VERSION + 1, contentHash: contentHash(data), data });
    const parsed = parseProjectFile(text, WHERE, { readerVersion: '0.1.0' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.readOnlyReason).not.toBeNull();
    expect(parsed.value.file.data.takes).toHaveLength(3);
  });
});
