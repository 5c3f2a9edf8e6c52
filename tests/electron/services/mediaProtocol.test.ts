import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { mediaReplyHeaders, resolveMediaRequest } from '../../../electron/services/mediaProtocol.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const PROJECT_ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const OTHER_ID = '0e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b';
let projectDir: string;
let openProjects: Map<string, string>;

const resolveUrl = (url: string) => resolveMediaRequest(url, (id) => openProjects.get(id), nodeFileSystem);
const mediaUrl = (path: string, id = PROJECT_ID) => `shotcanvas-media://project/${id}/${path}`;

beforeEach(async () => {
  projectDir = join(tmp(), 'Film');
  await mkdir(join(projectDir, 'media', 'ab'), { recursive: true });
  await writeFile(join(projectDir, 'media', 'ab', 'clip one.mp4'), 'video');
  await writeFile(join(projectDir, 'project.json'), '{}');
  await mkdir(join(tmp(), 'outside'));
  await writeFile(join(tmp(), 'outside', 'secret.txt'), 'secret');
  await writeFile(join(tmp(), 'Film-evil.txt'), 'secret');
  openProjects = new Map([[PROJECT_ID, projectDir]]);
});

describe('resolveMediaRequest', () => {
  it('resolves a file inside an open project, decoding the name once', async () => {
    expect(await resolveUrl(mediaUrl('media/ab/clip%20one.mp4'))).toBe(join(projectDir, 'media', 'ab', 'clip one.mp4'));
  });

  it('resolves a not-yet-existing path inside the project (the reader reports missing files)', async () => {
    expect(await resolveUrl(mediaUrl('media/cd/new.png'))).toBe(join(projectDir, 'media', 'cd', 'new.png'));
  });

  it('returns null for a project that is not open (unknown or closed)', async () => {
    expect(await resolveUrl(mediaUrl('media/ab/clip%20one.mp4', OTHER_ID))).toBeNull();
    openProjects.clear();
    expect(await resolveUrl(mediaUrl('media/ab/clip%20one.mp4'))).toBeNull();
  });

  it.each(['not-a-uuid', '3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B', `${PROJECT_ID}x`, '', '..'])('returns null for the project id %j', async (id) => {
    openProjects.set(id, projectDir);
    expect(await resolveUrl(`shotcanvas-media://project/${id}/media/ab/clip%20one.mp4`)).toBeNull();
  });

  it('returns null for another scheme or host, or a malformed URL', async () => {
    expect(await resolveUrl(`app://project/${PROJECT_ID}/media/ab/clip%20one.mp4`)).toBeNull();
    expect(await resolveUrl(`shotcanvas-media://other/${PROJECT_ID}/media/ab/clip%20one.mp4`)).toBeNull();
    expect(await resolveUrl('::not a url')).toBeNull();
  });

  it('returns null for the project folder itself (no path)', async () => {
    expect(await resolveUrl(`shotcanvas-media://project/${PROJECT_ID}`)).toBeNull();
    expect(await resolveUrl(`shotcanvas-media://project/${PROJECT_ID}/`)).toBeNull();
  });

  it.each([
    'media/../../outside/secret.txt',
    '%2e%2e/outside/secret.txt',
    '%2e%2e%2f%2e%2e%2foutside%2fsecret.txt',
    '..%2f..%2foutside%2fsecret.txt',
    'media%2f..%2f..%2foutside%2fsecret.txt',
    '..%5c..%5coutside%5csecret.txt',
    '..\\..\\outside\\secret.txt',
    '%2e%2e%2fFilm-evil.txt',
    'media/ab/clip%20one.mp4%00.png',
    'media//ab/clip%20one.mp4',
    'media/%E0%A4%A',
    '%2fetc%2fpasswd',
  ])('refuses traversal and odd paths: %s', async (path) => {
    const resolved = await resolveUrl(mediaUrl(path));
    // Either refused outright, or (URL-level dot segments) resolved to something inside the project.
    if (resolved !== null) expect(resolved.startsWith(projectDir + sep)).toBe(true);
    expect(resolved ?? '').not.toContain('outside');
    expect(resolved ?? '').not.toContain('passwd');
  });

  it('refuses encoded traversal outright (null, not a path)', async () => {
    expect(await resolveUrl(mediaUrl('..%2f..%2foutside%2fsecret.txt'))).toBeNull();
    expect(await resolveUrl(mediaUrl('..%5c..%5coutside%5csecret.txt'))).toBeNull();
    expect(await resolveUrl(mediaUrl('media/ab/clip%20one.mp4%00'))).toBeNull();
  });

  it('refuses a symlink inside the project that points outside it', async () => {
    await symlink(join(tmp(), 'outside'), join(projectDir, 'media', 'escape'));
    await symlink(join(tmp(), 'outside', 'secret.txt'), join(projectDir, 'media', 'secret-link.txt'));
    expect(await resolveUrl(mediaUrl('media/escape/secret.txt'))).toBeNull();
    expect(await resolveUrl(mediaUrl('media/secret-link.txt'))).toBeNull();
  });

  it('allows a symlink that stays inside the project', async () => {
    await symlink(join(projectDir, 'media', 'ab'), join(projectDir, 'media', 'alias'));
    expect(await resolveUrl(mediaUrl('media/alias/clip%20one.mp4'))).toBe(join(projectDir, 'media', 'alias', 'clip one.mp4'));
  });
});

describe('mediaReplyHeaders (desktop media scheme)', () => {
  const trusted = (origin: string) => origin === 'app://shotcanvas';

  it('types by extension, caches for good and forbids sniffing', () => {
    expect(mediaReplyHeaders('/p/media/ab/Shot 1.png', null, trusted)).toEqual({
      'content-type': 'image/png',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      vary: 'Origin',
    });
    expect(mediaReplyHeaders('/p/media/ab/a.GIF', null, trusted)['content-type']).toBe('image/gif');
    expect(mediaReplyHeaders('/p/media/ab/a.jfif', null, trusted)['content-type']).toBe('image/jpeg');
    expect(mediaReplyHeaders('/p/media/ab/notes.txt', null, trusted)['content-type']).toBe('application/octet-stream');
  });

  it('lets only our own origin read the reply from fetch() (the canvas decodes thumbnails that way)', () => {
    expect(mediaReplyHeaders('/p/a.png', 'app://shotcanvas', trusted)['access-control-allow-origin']).toBe('app://shotcanvas');
    expect(mediaReplyHeaders('/p/a.png', 'https://evil.example', trusted)['access-control-allow-origin']).toBeUndefined();
    expect(mediaReplyHeaders('/p/a.png', 'null', trusted)['access-control-allow-origin']).toBeUndefined();
    expect(mediaReplyHeaders('/p/a.png', null, trusted)['access-control-allow-origin']).toBeUndefined();
  });
});

describe('resolveMediaRequest: what is served', () => {
  it('serves media/ and cached thumbnails, nothing else of the project', async () => {
    await mkdir(join(projectDir, '.cache', 'thumbs', 'h'), { recursive: true });
    await writeFile(join(projectDir, '.cache', 'thumbs', 'h', 'poster.jpg'), 'jpeg');
    await writeFile(join(projectDir, '.cache', 'media-hashes.json'), '{}');
    expect(await resolveUrl(mediaUrl('.cache/thumbs/h/poster.jpg'))).toBe(join(projectDir, '.cache', 'thumbs', 'h', 'poster.jpg'));
    expect(await resolveUrl(mediaUrl('project.json'))).toBeNull();
    expect(await resolveUrl(mediaUrl('.cache/media-hashes.json'))).toBeNull();
    expect(await resolveUrl(mediaUrl('.backups/x.json'))).toBeNull();
    expect(await resolveUrl(mediaUrl('.cache/thumbs/../media-hashes.json'))).toBeNull();
  });

  it('types videos for <video>', () => {
    expect(mediaReplyHeaders('/p/media/ab/clip.mov', null, () => false)['content-type']).toBe('video/quicktime');
    expect(mediaReplyHeaders('/p/media/ab/clip.webm', null, () => false)['content-type']).toBe('video/webm');
  });
});
