import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectData } from '../../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFile, parseProjectFileText, validateProjectData } from '../../../shared/model/projectFile.ts';
import type { ArrowId, NoteId, SceneId } from '../../../shared/ids.ts';
import { arrow, contentHash, note, projectData, projectFile, scene, shot } from '../fixtures.ts';

const WHERE = '/projects/Teaser/project.json';
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'project-files');

/** A format-3 document with a record of every kind, arrows between them. */
function everyKind(): ProjectData {
  const sc = scene({ number: '12', title: 'INT. KITCHEN – NIGHT' });
  const a = shot({ title: 'Wide', sceneId: sc.id });
  const b = shot({ title: 'Close-up', sceneId: sc.id });
  const n = note({ text: 'Rain on the window' });
  return projectData([a, b], {}, [], { scenes: [sc], notes: [n], arrows: [arrow(a.id, b.id, { label: 'match cut' }), arrow(n.id, sc.id)] });
}

function refusal(data: unknown): string {
  const result = validateProjectData(data, WHERE);
  if (result.ok) throw new Error('expected the data to be refused');
  expect(result.error.code).toBe('INVALID_PROJECT_FILE');
  expect(result.error.where).toBe(WHERE);
  return result.error.message;
}

describe('project files with scenes, notes and arrows', () => {
  it('round-trip a file with a record of every kind', () => {
    const file = projectFile({ data: everyKind() });
    expect(parseProjectFileText(JSON.stringify(file, null, 1), WHERE)).toEqual({ ok: true, value: file });
  });

  it('refuse an id used by two records of different kinds, naming the kind and the id', () => {
    const data = everyKind();
    const shared = data.shots[0]!.id;
    for (const clash of [
      { ...data, notes: [...data.notes, note({ id: shared as string as NoteId })] },
      { ...data, scenes: [...data.scenes, scene({ id: shared as string as SceneId })] },
      { ...data, arrows: [...data.arrows, arrow(data.shots[1]!.id, data.notes[0]!.id, { id: shared as string as ArrowId })] },
    ]) {
      const message = refusal(clash);
      expect(message).toContain(`id ${shared} appears twice`);
    }
    expect(refusal({ ...data, notes: [data.notes[0]!, data.notes[0]!] })).toMatch(/note id .* appears twice/);
  });

  it('refuse an arrow whose end does not exist (either end), naming the arrow', () => {
    const data = everyKind();
    const ghost = shot().id;
    for (const dangling of [arrow(ghost, data.shots[0]!.id), arrow(data.shots[0]!.id, ghost)]) {
      const message = refusal({ ...data, arrows: [dangling] });
      expect(message).toContain(`arrow ${dangling.id} points at a record that does not exist`);
    }
  });

  it('accept an arrow between any two existing records, arrows included', () => {
    const data = everyKind();
    const first = data.arrows[0]!;
    const result = validateProjectData({ ...data, arrows: [...data.arrows, arrow(first.id, data.scenes[0]!.id)] }, WHERE);
    expect(result.ok).toBe(true);
  });

  it('do not let a tombstone count as an existing arrow end', () => {
    const data = everyKind();
    const deleted = shot().id;
    const message = refusal({ ...data, tombstones: [{ id: deleted, kind: 'shot', deletedAt: 1 }], arrows: [arrow(deleted, data.shots[0]!.id)] });
    expect(message).toMatch(/points at a record that does not exist/);
  });

  it('refuse a __proto__ key inside a note without polluting anything', () => {
    const text = JSON.stringify(projectFile({ data: everyKind() })).replace('"text":"Rain on the window"', '"text":"Rain","__proto__":{"polluted":true}');
    const result = parseProjectFileText(text, WHERE);
    expect(result.ok ? null : result.error.message).toMatch(/data\.notes\[0\]\.__proto__/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('a format-2 file', () => {
  const v2Text = readFileSync(join(FIXTURES, 'v2.json'), 'utf8');
  const v2 = JSON.parse(v2Text) as { contentHash: string; data: { shots: unknown[] } };

  it('opens migrated: empty scenes, notes and arrows, a null frame on every shot', () => {
    const parsed = parseProjectFile(v2Text, WHERE, { readerVersion: '0.1.0' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { file } = parsed.value;
    expect(file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(file.data.scenes).toEqual([]);
    expect(file.data.notes).toEqual([]);
    expect(file.data.arrows).toEqual([]);
    expect(file.data.shots).toHaveLength(v2.data.shots.length);
    expect(file.data.shots.map((s) => s.frame)).toEqual(v2.data.shots.map(() => null));
  });

  it('keeps the data as written and the hash that covers it, which is what integrity checks compare', () => {
    const parsed = parseProjectFile(v2Text, WHERE, { readerVersion: '0.1.0' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.originalSchemaVersion).toBe(2);
    expect(parsed.value.originalData).toEqual(v2.data);
    expect(contentHash(parsed.value.originalData)).toBe(v2.contentHash);
    expect(parsed.value.file.contentHash).toBe(v2.contentHash);
    expect(contentHash(parsed.value.file.data)).not.toBe(v2.contentHash);
  });

  it('whose shot already names a frame cannot smuggle it in: format 2 had none, so it becomes null', () => {
    const raw = JSON.parse(v2Text) as { data: { shots: Array<Record<string, unknown>> } } & Record<string, unknown>;
    raw.data.shots[0]!['frame'] = { hash: 'x', path: '../../etc/passwd', width: 1, height: 1, mime: 'image/png' };
    const text = JSON.stringify({ ...raw, contentHash: contentHash(raw.data) });
    const parsed = parseProjectFile(text, WHERE, { readerVersion: '0.1.0' });
    expect(parsed.ok && parsed.value.file.data.shots[0]!.frame).toBeNull();
  });
});
