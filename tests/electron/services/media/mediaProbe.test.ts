import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeRate, normalizeTimecode, parseFfprobeOutput, parseRational } from '../../../../electron/services/media/ffprobeParse.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { probeMediaFile } from '../../../../electron/services/media/mediaProbe.ts';
import { sniffMediaType } from '../../../../electron/services/media/mediaSniff.ts';
import { expectErr, expectOk } from '../support/library.ts';
import type { Clips } from './support/mediaFixtures.ts';
import { makeClips } from './support/mediaFixtures.ts';

let clips: Clips;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shotcanvas-probe-'));
  clips = await makeClips(dir);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const probe = async (path: string, name = 'clip') => probeMediaFile(nodeFileSystem, path, name);

describe('probeMediaFile: videos, exactly', () => {
  it('reads a 23.976 MP4: exact rational rate, frame count, timecode, codec, size', async () => {
    const { probe: p, sniffed } = expectOk(await probe(clips.mp4));
    expect(sniffed.mime).toBe('video/mp4');
    expect(p).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      codec: 'h264',
      width: 320,
      height: 180,
      frameRate: { num: 24000, den: 1001 },
      durationFrames: 24,
      startTimecode: '01:00:10:00',
      variableFrameRate: false,
    });
    expect(p.bytes).toBeGreaterThan(1000);
  });

  it('reads a 25 fps MOV as QuickTime with its timecode', async () => {
    const { probe: p } = expectOk(await probe(clips.mov25));
    expect(p).toMatchObject({ mime: 'video/quicktime', codec: 'h264', frameRate: { num: 25, den: 1 }, durationFrames: 50, startTimecode: '10:00:00:00' });
  });

  it('reads a 29.97 drop-frame MOV: 30000/1001 and a ";" timecode', async () => {
    const { probe: p } = expectOk(await probe(clips.movDf));
    expect(p).toMatchObject({ mime: 'video/quicktime', frameRate: { num: 30000, den: 1001 }, durationFrames: 30, startTimecode: '00:59:59;28' });
  });

  it('reads a VP9 WebM, counting frames from its duration (the container stores no count)', async () => {
    const { probe: p } = expectOk(await probe(clips.webm));
    expect(p).toMatchObject({
      mime: 'video/webm',
      container: 'matroska,webm',
      codec: 'vp9',
      width: 320,
      height: 180,
      frameRate: { num: 24, den: 1 },
      durationFrames: 24,
      startTimecode: null,
    });
  });

  it('flags a variable-frame-rate clip and numbers it at its average rate', async () => {
    const { probe: p } = expectOk(await probe(clips.vfr));
    expect(p.variableFrameRate).toBe(true);
    expect(p.durationFrames).toBe(40);
    // The average itself depends on the ffprobe version's timing; it is an exact rational below 30.
    expect(Number.isInteger(p.frameRate!.num) && Number.isInteger(p.frameRate!.den)).toBe(true);
    expect(p.frameRate!.num / p.frameRate!.den).toBeLessThan(29);
  });
});

describe('probeMediaFile: images', () => {
  it.each([
    ['png', 'image/png', 'png', 'png_pipe'],
    ['jpg', 'image/jpeg', 'mjpeg', 'jpeg_pipe'],
    ['webp', 'image/webp', 'webp', 'webp_pipe'],
  ] as const)('reads a %s as a still: 1 frame, no rate', async (key, mime, codec, container) => {
    const { probe: p } = expectOk(await probe(clips[key]));
    expect(p).toMatchObject({
      kind: 'image',
      mime,
      codec,
      container,
      width: 64,
      height: 48,
      frameRate: null,
      durationFrames: 1,
      startTimecode: null,
      variableFrameRate: false,
    });
  });
});

describe('probeMediaFile: refusals say what is wrong', () => {
  it('a zero-byte file is empty', async () => {
    expectErr(await probe(clips.emptyMov, 'empty.mov'), 'INVALID_ARGUMENT', '"empty.mov" is empty (0 bytes)');
  });

  it('a text file named .mov is text, whatever its name', async () => {
    expectErr(await probe(clips.textMov, 'notes.mov'), 'INVALID_ARGUMENT', '"notes.mov" is a text file', 'whatever its name says');
  });

  it('an MP4 cut short (moov missing) is called incomplete', async () => {
    expectErr(
      await probe(clips.truncatedMp4, 'cut short.mp4'),
      'INVALID_ARGUMENT',
      '"cut short.mp4" looks like a MP4 video',
      'moov',
      'cut short',
      'export it again',
    );
  });

  it('a codec takes cannot play is named', async () => {
    expectErr(await probe(clips.prores, 'prores.mov'), 'NOT_SUPPORTED', 'Apple ProRes', 'H.264');
  });

  it('a file with no video stream says so', async () => {
    expectErr(await probe(clips.audioOnly, 'voice.mp4'), 'INVALID_ARGUMENT', '"voice.mp4" has no video stream (only audio)');
  });

  it('containers and image types takes do not accept are named', async () => {
    expectErr(await probe(clips.mkv, 'episode.mkv'), 'NOT_SUPPORTED', 'Matroska (MKV)', 'MP4, MOV and WebM');
    expectErr(await probe(clips.gif, 'loop.gif'), 'NOT_SUPPORTED', 'GIF image');
  });

  it('a missing file is NOT_FOUND', async () => {
    expectErr(await probe(join(dir, 'nope.mp4'), 'nope.mp4'), 'NOT_FOUND');
  });
});

describe('sniffMediaType', () => {
  const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  it('trusts the bytes, not the name', () => {
    expect(expectOk(sniffMediaType(bytes('\0\0\0\x18ftypqt  \0\0\0\0'), 'x.mp4')).mime).toBe('video/quicktime');
    expect(expectOk(sniffMediaType(bytes('\0\0\0\x18ftypisom\0\0\0\0'), 'x.mov')).mime).toBe('video/mp4');
    expect(expectOk(sniffMediaType(bytes('\0\0\0\x08wide\0\0\0\0mdat'), 'old.mov')).mime).toBe('video/quicktime');
    expect(expectOk(sniffMediaType(bytes('\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm'), 'x.mkv')).mime).toBe('video/webm');
  });

  it('names ISO brands that are not MP4 videos', () => {
    expectErr(sniffMediaType(bytes('\0\0\0\x18ftypheic\0\0\0\0'), 'IMG_1.mp4'), 'NOT_SUPPORTED', 'HEIC');
    expectErr(sniffMediaType(bytes('\0\0\0\x18ftypM4A \0\0\0\0'), 'song.mp4'), 'NOT_SUPPORTED', 'M4A');
  });

  it('calls unknown binary "not a video or an image"', () => {
    expectErr(sniffMediaType(new Uint8Array([0, 1, 2, 3, 0xfe, 0xfd, 0, 9]), 'blob.mp4'), 'INVALID_ARGUMENT', 'not a video or an image');
  });
});

describe('parseFfprobeOutput: edge cases', () => {
  const mp4 = { mime: 'video/mp4', kind: 'video', label: 'MP4 video' } as const;
  const output = (stream: Record<string, unknown>, format: Record<string, unknown> = {}) => ({
    streams: [{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, ...stream }],
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', ...format },
  });

  it('reduces and snaps rates to the standard rational (2997/100 is 29.97 = 30000/1001)', () => {
    expect(parseRational('48000/2002')).toEqual({ num: 24000, den: 1001 });
    expect(normalizeRate({ num: 2997, den: 100 })).toEqual({ num: 30000, den: 1001 });
    expect(normalizeRate({ num: 12800, den: 512 })).toEqual({ num: 25, den: 1 });
    expect(normalizeRate({ num: 15, den: 1 })).toEqual({ num: 15, den: 1 });
    expect(parseRational('0/0')).toBeNull();
    expect(parseRational('1/0')).toBeNull();
    expect(parseRational('abc')).toBeNull();
  });

  it('keeps far-off rates within the schema bounds', () => {
    const rate = normalizeRate({ num: 2_997_001, den: 100_003 });
    expect(rate.num).toBeLessThanOrEqual(1_000_000);
    expect(rate.den).toBeLessThanOrEqual(1_000_000);
  });

  it('counts frames from the duration when the stream has no count, rounding once', () => {
    const parsed = expectOk(parseFfprobeOutput(output({ r_frame_rate: '24000/1001', avg_frame_rate: '24000/1001' }, { duration: '10.010000' }), mp4, 'x'));
    expect(parsed.probe.durationFrames).toBe(240);
  });

  it('swaps the sides of a clip recorded turned a quarter (display matrix)', () => {
    const parsed = expectOk(
      parseFfprobeOutput(output({ r_frame_rate: '30/1', avg_frame_rate: '30/1', nb_frames: '30', side_data_list: [{ rotation: -90 }] }), mp4, 'x'),
    );
    expect(parsed.probe).toMatchObject({ width: 1080, height: 1920 });
  });

  it('finds the timecode on a tmcd track or the container when the video track has none', () => {
    const tmcd = {
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 8, height: 8, r_frame_rate: '25/1', avg_frame_rate: '25/1', nb_frames: '1' },
        { codec_type: 'data', codec_tag_string: 'tmcd', tags: { timecode: '02:00:00:00' } },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', tags: { timecode: '03:00:00:00' } },
    };
    expect(expectOk(parseFfprobeOutput(tmcd, mp4, 'x')).probe.startTimecode).toBe('02:00:00:00');
    const container = { ...tmcd, streams: [tmcd.streams[0]] };
    expect(expectOk(parseFfprobeOutput(container, mp4, 'x')).probe.startTimecode).toBe('03:00:00:00');
    expect(normalizeTimecode('00:59:59.28')).toBe('00:59:59;28');
    expect(normalizeTimecode('1:00:00:00')).toBeNull();
  });

  it('ignores cover art and refuses a container that contradicts the bytes', () => {
    const art = {
      streams: [{ codec_type: 'video', codec_name: 'mjpeg', width: 8, height: 8, disposition: { attached_pic: 1 } }],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
    };
    expectErr(parseFfprobeOutput(art, mp4, 'song.mp4'), 'INVALID_ARGUMENT', 'no video stream');
    expectErr(parseFfprobeOutput(output({}, { format_name: 'avi' }), mp4, 'x.mp4'), 'INVALID_ARGUMENT', 'reads as "avi"');
  });

  it('refuses a video without any usable rate or length', () => {
    expectErr(parseFfprobeOutput(output({ r_frame_rate: '0/0', avg_frame_rate: '0/0' }), mp4, 'x'), 'INVALID_ARGUMENT', 'no frame rate');
    expectErr(parseFfprobeOutput(output({ r_frame_rate: '25/1', avg_frame_rate: '25/1' }), mp4, 'x'), 'INVALID_ARGUMENT', 'length');
  });
});
