import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../../electron/services/apiDispatcher.ts';
import type { ImportedMedia, MediaPoster, ScrubStrip } from '../../../shared/ipc/contract.ts';
import { CLIENT, OTHER_CLIENT, createProject, expectErr, expectOk, openAs } from './support/library.ts';
import type { Clips } from './media/support/mediaFixtures.ts';
import { makeClips } from './media/support/mediaFixtures.ts';
import { makeMainApi } from './support/mainApiFixture.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
let clips: Clips;
let clipsDir: string;

beforeAll(async () => {
  clipsDir = await mkdtemp(join(tmpdir(), 'shotcanvas-clips-'));
  clips = await makeClips(clipsDir);
}, 60_000);
afterAll(async () => {
  await rm(clipsDir, { recursive: true, force: true });
});

async function setup(options: { confineToWorkspace?: boolean } = {}) {
  const fx = await makeMainApi(tmp(), options);
  const summary = await createProject(fx, 'Night Shoot');
  const opened = await openAs(fx, summary.path);
  const ids = { projectId: opened.file.projectId, clientId: CLIENT };
  const importClip = async (sourcePath: string, clientId = CLIENT) => {
    const started = expectOk(await fx.api.importMedia({ ...ids, clientId, sourcePath }));
    const summaryOfJob = await fx.finishedJob(started.jobId);
    return { started, summary: summaryOfJob };
  };
  return { ...fx, dir: summary.path, ids, importClip };
}

describe('MainApi media: importMedia', () => {
  it('runs a media-import job whose result is the MediaRef, the metadata and the dedupe flag', async () => {
    const { importClip, progress, dir } = await setup();
    const { started, summary } = await importClip(clips.mov25);
    expect(started.targetPath).toBeNull();
    expect(summary).toMatchObject({ kind: 'media-import', ok: true, error: null, label: 'Importing shot02 take 3.mov' });
    const value = summary.value as ImportedMedia;
    expect(value.deduplicated).toBe(false);
    expect(value.media).toMatchObject({ name: 'shot02 take 3.mov', mime: 'video/quicktime', durationFrames: 50, startTimecode: '10:00:00:00' });
    expect(value.metadata.entries['comment']).toBeDefined();
    expect(await readFile(join(dir, value.media.path))).toEqual(await readFile(clips.mov25));
    expect(progress.filter((p) => p.jobId === started.jobId).map((p) => p.kind)).toContain('media-import');
    // The same file again: stored once.
    expect((await importClip(clips.mov25)).summary.value).toMatchObject({ deduplicated: true, media: value.media });
  });

  it('only the project’s writer may import; a closed project cannot', async () => {
    const { api, ids } = await setup();
    expectErr(await api.importMedia({ ...ids, clientId: OTHER_CLIENT, sourcePath: clips.mp4 }), 'CONFLICT');
    expectOk(await api.closeProject(ids));
    expectErr(await api.importMedia({ ...ids, sourcePath: clips.mp4 }), 'NOT_FOUND');
  });

  it('the web host reads sources only inside its workspace', async () => {
    const { api, ids, workspace } = await setup({ confineToWorkspace: true });
    expectErr(await api.importMedia({ ...ids, sourcePath: clips.mp4 }), 'FORBIDDEN', 'outside the workspace');
    const inside = join(workspace, 'drop.mp4');
    await copyFile(clips.mp4, inside);
    expectOk(await api.importMedia({ ...ids, sourcePath: inside }));
  });

  it('cancelJob stops a running import and nothing is left behind', async () => {
    const { api, ids, dir, finishedJob } = await setup();
    const big = join(tmp(), 'big.mp4');
    await writeFile(big, Buffer.concat([(await readFile(clips.mp4)).subarray(0, 64), randomBytes(64 * 1024 * 1024)]));
    const started = expectOk(await api.importMedia({ ...ids, sourcePath: big }));
    expect(expectOk(await api.cancelJob({ jobId: started.jobId })).cancelled).toBe(true);
    const summary = await finishedJob(started.jobId);
    expect(summary).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await namesIn(join(dir, 'media'))).toEqual([]);
  });

  it('a refused file fails the job with the reason', async () => {
    const { importClip } = await setup();
    const { summary } = await importClip(clips.textMov);
    expect(summary).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(summary.error?.message).toContain('text file');
  });
});

describe('MainApi media: reading stored media', () => {
  it('probes, makes a poster and a scrub strip, and checks files', async () => {
    const { api, ids, importClip, dir } = await setup();
    const media = ((await importClip(clips.mp4)).summary.value as ImportedMedia).media;
    const at = { projectId: ids.projectId, hash: media.hash, path: media.path };
    expect(expectOk(await api.probeMedia(at)).probe).toMatchObject({ frameRate: { num: 24000, den: 1001 }, durationFrames: 24 });
    const poster: MediaPoster = expectOk(await api.getMediaPoster(at));
    expect(poster.path).toBe(`.cache/thumbs/${media.hash}/poster.jpg`);
    const strip: ScrubStrip = expectOk(await api.getScrubStrip(at));
    expect(strip.frames).toHaveLength(16);
    expect(expectOk(await api.checkMedia({ projectId: ids.projectId, refs: [at] }))).toEqual([{ hash: media.hash, path: media.path, status: 'ok' }]);
    await unlink(join(dir, media.path));
    expect(expectOk(await api.checkMedia({ projectId: ids.projectId, refs: [at] }))[0]?.status).toBe('missing');
  });

  it('refuses paths that escape the project or do not match the hash, before any service runs', async () => {
    const { api, ids } = await setup();
    const hash = 'c'.repeat(64);
    for (const path of [
      'media/../project.json',
      `media/${hash.slice(0, 16)}/../../project.json`,
      'project.json',
      `media/${'d'.repeat(16)}/x.mp4`,
      '/etc/passwd',
    ]) {
      for (const method of ['getMediaPoster', 'getScrubStrip', 'probeMedia'] as const) {
        expectErr(await dispatchApiCall(api, method, [{ projectId: ids.projectId, hash, path }]), 'INVALID_ARGUMENT');
      }
    }
  });

  it('answers NOT_FOUND for a project that is not open', async () => {
    const { api, ids } = await setup();
    expectOk(await api.closeProject(ids));
    const hash = 'c'.repeat(64);
    expectErr(await api.getMediaPoster({ projectId: ids.projectId, hash, path: `media/${hash.slice(0, 16)}/x.mp4` }), 'NOT_FOUND');
  });
});

describe('MainApi media: relinkMedia', () => {
  it('restores a missing file from a copy with the same bytes, and refuses other bytes', async () => {
    const { api, ids, importClip, dir, finishedJob } = await setup();
    const media = ((await importClip(clips.mp4)).summary.value as ImportedMedia).media;
    await unlink(join(dir, media.path));
    const ref = { hash: media.hash, path: media.path };

    const wrong = expectOk(await api.relinkMedia({ ...ids, ...ref, newSourcePath: clips.webm }));
    const refused = await finishedJob(wrong.jobId);
    expect(refused).toMatchObject({ kind: 'media-relink', ok: false, error: { code: 'CONFLICT' } });
    expect(await namesIn(join(dir, 'media', media.hash.slice(0, 16)))).toEqual([]);

    const right = expectOk(await api.relinkMedia({ ...ids, ...ref, newSourcePath: clips.mp4 }));
    expect(await finishedJob(right.jobId)).toMatchObject({ ok: true, value: { ...ref, alreadyInPlace: false } });
    expect(await readFile(join(dir, media.path))).toEqual(await readFile(clips.mp4));
  });

  it('only the writer may relink', async () => {
    const { api, ids } = await setup();
    const hash = 'e'.repeat(64);
    expectErr(await api.relinkMedia({ ...ids, clientId: OTHER_CLIENT, hash, path: `media/${hash.slice(0, 16)}/x.mp4`, newSourcePath: clips.mp4 }), 'CONFLICT');
  });
});
