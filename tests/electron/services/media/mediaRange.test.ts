import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { mediaContentType, openMediaReply, parseRange } from '../../../../electron/services/media/mediaRange.ts';
import { useTempDir } from '../support/tempDir.ts';

const tmp = useTempDir('shotcanvas-range-');

async function bodyOf(reply: Awaited<ReturnType<typeof openMediaReply>>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of reply.body ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
  ])('%s of 1000 bytes', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it.each([undefined, '', 'bytes=', 'bytes=5-2', 'items=0-1', 'bytes=0-1,5-6', 'bytes=abc'])('sends the whole file for %j', (header) => {
    expect(parseRange(header, 1000)).toBeNull();
  });

  it('is unsatisfiable past the end', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});

describe('openMediaReply', () => {
  it('answers 200 with the whole file, 206 with a range, 416 past the end, 404 for folders and missing files', async () => {
    const file = join(tmp(), 'clip.mp4');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    await writeFile(file, bytes);

    const whole = await openMediaReply(nodeFileSystem, file, undefined);
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'content-type': 'video/mp4', 'content-length': '1000', 'accept-ranges': 'bytes' });
    expect(await bodyOf(whole)).toEqual(bytes);

    const part = await openMediaReply(nodeFileSystem, file, 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers).toMatchObject({ 'content-length': '100', 'content-range': 'bytes 100-199/1000' });
    expect(await bodyOf(part)).toEqual(bytes.subarray(100, 200));

    const past = await openMediaReply(nodeFileSystem, file, 'bytes=5000-');
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */1000');

    const head = await openMediaReply(nodeFileSystem, file, 'bytes=0-9', true);
    expect(head).toMatchObject({ status: 206, body: null });

    await mkdir(join(tmp(), 'folder.mp4'));
    expect((await openMediaReply(nodeFileSystem, join(tmp(), 'folder.mp4'), undefined)).status).toBe(404);
    expect((await openMediaReply(nodeFileSystem, join(tmp(), 'missing.mp4'), undefined)).status).toBe(404);
  });

  it('types videos and thumbnails', () => {
    expect(mediaContentType('a/b.MOV')).toBe('video/quicktime');
    expect(mediaContentType('a/b.webm')).toBe('video/webm');
    expect(mediaContentType('.cache/thumbs/x/poster.jpg')).toBe('image/jpeg');
    expect(mediaContentType('notes.txt')).toBe('application/octet-stream');
  });
});
