import { deflateSync } from 'node:zlib';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { readGeneratorMetadata } from '../../../../electron/services/media/generatorMetadata.ts';
import { probeMediaFile } from '../../../../electron/services/media/mediaProbe.ts';
import { MAX_METADATA_ENTRY_CHARS } from '../../../../shared/ipc/contract.ts';
import { expectOk } from '../support/library.ts';
import { pngChunk, pngBytes } from './support/imageBytes.ts';
import type { Clips } from './support/mediaFixtures.ts';
import { COMFY_PROMPT, COMFY_WORKFLOW, MALFORMED_PROMPT, makeClips, textChunk, withChunks } from './support/mediaFixtures.ts';

let clips: Clips;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotcanvas-meta-'));
  clips = await makeClips(dir);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function metadataOf(path: string) {
  const probed = expectOk(await probeMediaFile(nodeFileSystem, path, 'x'));
  return readGeneratorMetadata(nodeFileSystem, path, probed.sniffed, probed.probe.bytes, probed.formatTags);
}

async function pngWith(name: string, chunks: Buffer[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, withChunks(pngBytes(4, 4), chunks));
  return path;
}

describe('readGeneratorMetadata', () => {
  it('returns ComfyUI prompt and workflow tEXt chunks raw, keyed by keyword', async () => {
    const meta = await metadataOf(clips.png);
    expect(meta).toEqual({ entries: { prompt: COMFY_PROMPT, workflow: COMFY_WORKFLOW }, warnings: [] });
    // The 64-bit seed survives as text.
    expect(meta.entries['prompt']).toContain('18446744073709551615');
  });

  it('keeps malformed JSON raw, with a warning, and does not fail', async () => {
    const meta = await metadataOf(clips.pngMalformed);
    expect(meta.entries['prompt']).toBe(MALFORMED_PROMPT);
    expect(meta.warnings).toHaveLength(1);
    expect(meta.warnings[0]).toContain('"prompt" entry looks like JSON but is not valid');
  });

  it('reads zTXt and iTXt (compressed or not), and plain-text parameters without a warning', async () => {
    const ztxt = pngChunk('zTXt', Buffer.concat([Buffer.from('workflow\0\0', 'latin1'), deflateSync(Buffer.from(COMFY_WORKFLOW, 'latin1'))]));
    const itxt = pngChunk(
      'iTXt',
      Buffer.concat([Buffer.from('prompt\0\x01\0en\0\0', 'latin1'), deflateSync(Buffer.from('{"caption":"Été à Paris"}', 'utf8'))]),
    );
    const itxtPlain = pngChunk('iTXt', Buffer.concat([Buffer.from('Description\0\0\0\0\0', 'latin1'), Buffer.from('ünïcode', 'utf8')]));
    const params = textChunk('parameters', 'a lighthouse\nSteps: 30, Sampler: Euler a, Seed: 42');
    const meta = await metadataOf(await pngWith('mixed.png', [ztxt, itxt, itxtPlain, params]));
    expect(meta.warnings).toEqual([]);
    expect(meta.entries).toEqual({
      workflow: COMFY_WORKFLOW,
      prompt: '{"caption":"Été à Paris"}',
      Description: 'ünïcode',
      parameters: 'a lighthouse\nSteps: 30, Sampler: Euler a, Seed: 42',
    });
  });

  it('keeps repeated keywords apart and caps each entry at 2 MB with a warning', async () => {
    const huge = `{"x":"${'a'.repeat(MAX_METADATA_ENTRY_CHARS)}"}`;
    const meta = await metadataOf(await pngWith('big.png', [textChunk('prompt', '1'), textChunk('prompt', '2'), textChunk('workflow', huge)]));
    expect(meta.entries['prompt']).toBe('1');
    expect(meta.entries['prompt (2)']).toBe('2');
    expect(meta.entries['workflow']).toHaveLength(MAX_METADATA_ENTRY_CHARS);
    expect(meta.warnings.join(' ')).toContain('larger than 2 MB');
  });

  it('turns a damaged text chunk or a cut PNG into warnings, never a failure', async () => {
    const bomb = pngChunk('zTXt', Buffer.concat([Buffer.from('prompt\0\0', 'latin1'), Buffer.from('not zlib at all', 'latin1')]));
    const meta = await metadataOf(await pngWith('bad-ztxt.png', [bomb]));
    expect(meta.entries).toEqual({});
    expect(meta.warnings.join(' ')).toContain('zTXt chunk could not be read');

    const whole = withChunks(pngBytes(4, 4), [textChunk('prompt', COMFY_PROMPT)]);
    const cut = join(dir, 'cut.png');
    await writeFile(cut, whole.subarray(0, whole.length - 20));
    const png = expectOk(await probeMediaFile(nodeFileSystem, join(dir, 'mixed.png'), 'x')).sniffed;
    const fromCut = await readGeneratorMetadata(nodeFileSystem, cut, png, whole.length - 20, {});
    expect(fromCut.entries).toEqual({});
    expect(fromCut.warnings.join(' ')).toContain('cut short');
  });

  it("reads a WebP's XMP packet", async () => {
    const meta = await metadataOf(clips.webp);
    expect(meta.entries['XMP']).toContain('adobe:ns:meta');
    expect(meta.warnings).toEqual([]);
  });

  it('reads generator tags of a video container (comment, description, prompt, workflow)', async () => {
    const meta = await metadataOf(clips.mov25);
    expect(meta.entries).toEqual({ comment: COMFY_PROMPT });
    expect(meta.warnings).toEqual([]);
  });

  it('has nothing to say about a plain clip', async () => {
    expect(await metadataOf(clips.mp4)).toEqual({ entries: {}, warnings: [] });
    expect((await readFile(clips.mp4)).length).toBeGreaterThan(0);
  });
});
