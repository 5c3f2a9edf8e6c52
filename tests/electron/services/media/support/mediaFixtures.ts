import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pngChunk } from './imageBytes.ts';

/**
 * Real media files made at test time with the system ffmpeg (Debian: /usr/bin/ffmpeg), so the
 * repository holds no binary fixtures and the probe is checked against what ffmpeg really writes.
 * Without ffmpeg the media tests fail with the install command; they never skip silently.
 */

export const INSTALL_FFMPEG = 'ffmpeg is not installed, and the media tests need it to make their clips: apt-get install -y ffmpeg';

function findOnPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(process.platform === 'win32' ? ';' : ':')) {
    if (!dir) continue;
    try {
      execFileSync(join(dir, name), ['-version'], { stdio: 'ignore' });
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

let found: { ffmpeg: string; ffprobe: string } | null = null;

/** The system ffmpeg and ffprobe, or an Error saying `apt-get install -y ffmpeg`. */
export function requireFfmpeg(): { ffmpeg: string; ffprobe: string } {
  if (found) return found;
  const ffmpeg = findOnPath('ffmpeg');
  const ffprobe = findOnPath('ffprobe');
  if (!ffmpeg || !ffprobe) throw new Error(INSTALL_FFMPEG);
  found = { ffmpeg, ffprobe };
  return found;
}

function ffmpeg(args: string[]): void {
  const { ffmpeg: bin } = requireFfmpeg();
  execFileSync(bin, ['-v', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

const testsrc = (size: string, rate: string) => ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}`];
const h264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast'];

/** A ComfyUI-style API prompt (node id → class_type + inputs), as ComfyUI writes into PNG tEXt "prompt". */
export const COMFY_PROMPT = JSON.stringify({
  '3': { class_type: 'KSampler', inputs: { seed: 18446744073709551615n.toString(), steps: 30, cfg: 6.5, model: ['4', 0] } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a lighthouse at dusk, 35mm, slow dolly in', clip: ['4', 1] } },
});
export const COMFY_WORKFLOW = JSON.stringify({ last_node_id: 9, nodes: [{ id: 3, type: 'KSampler' }], links: [], version: 0.4 });
export const MALFORMED_PROMPT = '{"3": {"class_type": "KSampler", "inputs": {"seed": 42,';

/** A tEXt chunk: keyword, NUL, Latin-1 text. */
export function textChunk(keyword: string, text: string): Buffer {
  return pngChunk('tEXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]));
}

/** Inserts chunks right after IHDR (where ComfyUI and PIL put text chunks). */
export function withChunks(png: Buffer, chunks: readonly Buffer[]): Buffer {
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(fourcc, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, data.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
}

/** A simple (VP8) WebP turned into the extended format with an XMP chunk, as image editors write it. */
export function webpWithXmp(simple: Buffer, width: number, height: number, xmp: string): Buffer {
  const vp8 = simple.subarray(12);
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x04; // XMP present
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), riffChunk('VP8X', vp8x), vp8, riffChunk('XMP ', Buffer.from(xmp, 'utf8'))]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

export interface Clips {
  readonly dir: string;
  /** 320×180 H.264 MP4, 24000/1001, 24 frames, timecode 01:00:10:00. */
  readonly mp4: string;
  /** 320×180 H.264 MOV, 25 fps, 50 frames, timecode 10:00:00:00, comment tag with JSON. */
  readonly mov25: string;
  /** 320×180 H.264 MOV, 30000/1001, 30 frames, drop-frame timecode 00:59:59;28. */
  readonly movDf: string;
  /** 320×180 VP9 WebM, 24 fps, 24 frames (no frame count in the container). */
  readonly webm: string;
  /** 160×90 H.264 MP4 whose frames were dropped unevenly (variable frame rate), 40 frames. */
  readonly vfr: string;
  /** A 64×48 PNG with ComfyUI prompt and workflow tEXt chunks. */
  readonly png: string;
  /** A 64×48 PNG whose "prompt" chunk holds malformed JSON. */
  readonly pngMalformed: string;
  readonly jpg: string;
  /** A 64×48 WebP with an XMP packet. */
  readonly webp: string;
  /** The MP4 cut after 3000 bytes: its moov atom (at the end) is missing. */
  readonly truncatedMp4: string;
  /** Plain text named .mov. */
  readonly textMov: string;
  readonly emptyMov: string;
  /** ProRes in a MOV: a container takes accept, a codec they do not. */
  readonly prores: string;
  /** An MP4 holding only audio. */
  readonly audioOnly: string;
  /** A Matroska (not WebM) file. */
  readonly mkv: string;
  /** A GIF: an image type takes do not accept. */
  readonly gif: string;
}

/** Makes every fixture clip in `dir` (about a second of ffmpeg work in all). */
export async function makeClips(dir: string): Promise<Clips> {
  requireFfmpeg();
  await mkdir(dir, { recursive: true });
  const at = (name: string) => join(dir, name);
  const clips: Clips = {
    dir,
    mp4: at('shot01_t1.mp4'),
    mov25: at('shot02 take 3.mov'),
    movDf: at('ntsc df.mov'),
    webm: at('loop.webm'),
    vfr: at('phone vfr.mp4'),
    png: at('ComfyUI_00042_.png'),
    pngMalformed: at('broken prompt.png'),
    jpg: at('still.jpg'),
    webp: at('still.webp'),
    truncatedMp4: at('cut short.mp4'),
    textMov: at('notes.mov'),
    emptyMov: at('empty.mov'),
    prores: at('prores.mov'),
    audioOnly: at('voice.mp4'),
    mkv: at('episode.mkv'),
    gif: at('loop.gif'),
  };
  ffmpeg([...testsrc('320x180', '24000/1001'), '-t', '1', '-timecode', '01:00:10:00', ...h264, clips.mp4]);
  ffmpeg([...testsrc('320x180', '25'), '-t', '2', '-timecode', '10:00:00:00', ...h264, '-metadata', `comment=${COMFY_PROMPT}`, clips.mov25]);
  ffmpeg([...testsrc('320x180', '30000/1001'), '-t', '1', '-timecode', '00:59:59;28', ...h264, clips.movDf]);
  ffmpeg([...testsrc('320x180', '24'), '-t', '1', '-c:v', 'libvpx-vp9', '-b:v', '100k', '-deadline', 'realtime', clips.webm]);
  ffmpeg([...testsrc('160x90', '30'), '-t', '2', '-vf', "select='lt(n\\,30)+not(mod(n\\,3))'", '-vsync', 'vfr', ...h264, clips.vfr]);
  const pngPath = at('plain.png');
  ffmpeg([...testsrc('64x48', '25'), '-frames:v', '1', pngPath]);
  const plainPng = await readFile(pngPath);
  await writeFile(clips.png, withChunks(plainPng, [textChunk('prompt', COMFY_PROMPT), textChunk('workflow', COMFY_WORKFLOW)]));
  await writeFile(clips.pngMalformed, withChunks(plainPng, [textChunk('prompt', MALFORMED_PROMPT)]));
  ffmpeg([...testsrc('64x48', '25'), '-frames:v', '1', clips.jpg]);
  const simpleWebp = at('simple.webp');
  ffmpeg([...testsrc('64x48', '25'), '-frames:v', '1', '-c:v', 'libwebp', simpleWebp]);
  await writeFile(clips.webp, webpWithXmp(await readFile(simpleWebp), 64, 48, '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'));
  await writeFile(clips.truncatedMp4, (await readFile(clips.mp4)).subarray(0, 3000));
  await writeFile(clips.textMov, 'These are my notes about the shoot.\nNot a movie at all.\n');
  await writeFile(clips.emptyMov, '');
  ffmpeg([...testsrc('64x48', '24'), '-t', '0.25', '-c:v', 'prores_ks', '-profile:v', '0', clips.prores]);
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5', '-c:a', 'aac', clips.audioOnly]);
  ffmpeg([...testsrc('64x48', '24'), '-t', '0.25', ...h264, clips.mkv]);
  ffmpeg([...testsrc('32x24', '10'), '-t', '0.2', clips.gif]);
  return clips;
}
