import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64, clampFileName, importImageFile, isImageFile } from '../../../renderer/platform/importImages.ts';
import { mediaUrl } from '../../../renderer/platform/mediaUrl.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { MAX_FRAME_IMAGE_BYTES } from '../../../shared/ipc/contract.ts';

const PROJECT = randomUUID() as ProjectId;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('mediaUrl', () => {
  it('uses the media scheme on the desktop and the /media route on the web host, encoding each segment once', () => {
    const path = 'media/0123456789abcdef/Shot 01 #2 100%?.png';
    expect(mediaUrl(PROJECT, path, 'desktop')).toBe(`shotcanvas-media://project/${PROJECT}/media/0123456789abcdef/Shot%2001%20%232%20100%25%3F.png`);
    expect(mediaUrl(PROJECT, path, 'web')).toBe(`/media/${PROJECT}/media/0123456789abcdef/Shot%2001%20%232%20100%25%3F.png`);
    expect(new URL(mediaUrl(PROJECT, path, 'desktop')).pathname.split('/').map(decodeURIComponent).pop()).toBe('Shot 01 #2 100%?.png');
  });

  it('asks the bridge which host it runs in by default', () => {
    vi.stubGlobal('window', { shotcanvas: { hostKind: 'web' } });
    expect(mediaUrl(PROJECT, 'media/0123456789abcdef/a.png')).toBe(`/media/${PROJECT}/media/0123456789abcdef/a.png`);
    vi.stubGlobal('window', { shotcanvas: { hostKind: 'desktop' } });
    expect(mediaUrl(PROJECT, 'media/0123456789abcdef/a.png').startsWith('shotcanvas-media://project/')).toBe(true);
  });
});

describe('bytesToBase64', () => {
  it.each([0, 1, 2, 3, 4, 0x7ffe, 0x7fff, 0x8000, 0x8001, 200_003])('matches Buffer for %i bytes', (size) => {
    const bytes = new Uint8Array(randomBytes(size));
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('encodes several megabytes without overflowing the stack', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xab);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('isImageFile and clampFileName', () => {
  it('filters drops by MIME type or extension', () => {
    expect(isImageFile({ name: 'a.png', type: '' })).toBe(true);
    expect(isImageFile({ name: 'SHOT.JPEG', type: '' })).toBe(true);
    expect(isImageFile({ name: 'clipboard', type: 'image/webp' })).toBe(true);
    expect(isImageFile({ name: 'notes.txt', type: 'text/plain' })).toBe(false);
    expect(isImageFile({ name: 'scan.tiff', type: 'image/tiff' })).toBe(false);
  });

  it('keeps names main accepts, shortening long ones but not their extension', () => {
    expect(clampFileName('a.png')).toBe('a.png');
    expect(clampFileName('')).toBe('frame');
    const long = clampFileName(`${'x'.repeat(400)}.jpeg`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.jpeg')).toBe(true);
  });
});

describe('importImageFile', () => {
  const fakeFile = (name: string, bytes: Uint8Array, size = bytes.length) => {
    const arrayBuffer = vi.fn(() => Promise.resolve(bytes.slice().buffer));
    return { file: { name, type: 'image/png', size, arrayBuffer } as unknown as File, arrayBuffer };
  };

  it('sends the bytes as base64 with the ids and the name, and returns main’s answer', async () => {
    const frame = { hash: 'f'.repeat(64), path: 'media/ffffffffffffffff/a.png', width: 1, height: 1, mime: 'image/png' };
    const importFrameImage = vi.fn(() => Promise.resolve({ ok: true, value: frame }));
    vi.stubGlobal('window', { shotcanvas: { hostKind: 'web', importFrameImage } });
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const result = await importImageFile(fakeFile('a.png', bytes).file, { projectId: PROJECT, clientId: 'tab-12345678' });
    expect(result).toEqual({ ok: true, value: frame });
    expect(importFrameImage).toHaveBeenCalledWith({
      projectId: PROJECT,
      clientId: 'tab-12345678',
      fileName: 'a.png',
      dataBase64: Buffer.from(bytes).toString('base64'),
    });
  });

  it('refuses a file over the cap without reading it or calling main', async () => {
    const importFrameImage = vi.fn();
    vi.stubGlobal('window', { shotcanvas: { hostKind: 'web', importFrameImage } });
    const { file, arrayBuffer } = fakeFile('huge.png', new Uint8Array(1), MAX_FRAME_IMAGE_BYTES + 1);
    const result = await importImageFile(file, { projectId: PROJECT, clientId: 'tab-12345678' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/"huge.png" is over 64 MB; storyboard frames can be at most 64 MB/);
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(importFrameImage).not.toHaveBeenCalled();
  });

  it('reports a file that cannot be read as a Result', async () => {
    vi.stubGlobal('window', { shotcanvas: { hostKind: 'web', importFrameImage: vi.fn() } });
    const file = { name: 'gone.png', type: 'image/png', size: 10, arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as File;
    const result = await importImageFile(file, { projectId: PROJECT, clientId: 'tab-12345678' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });
});
