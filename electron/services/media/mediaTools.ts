import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Finding and running ffprobe and ffmpeg. Both are external programs: they run with execFile (no
 * shell, so a file name can never become a command), a timeout and a cap on what they may print.
 */
export type MediaToolName = 'ffprobe' | 'ffmpeg';

export interface MediaToolPaths {
  /** Explicit paths win (tests, settings); otherwise the installer package, then PATH. */
  readonly ffprobe?: string;
  readonly ffmpeg?: string;
}

/** Where the npm installer packages put their binaries, when they are installed for this platform. */
const INSTALLER_PACKAGES: Readonly<Record<MediaToolName, string | null>> = {
  ffprobe: '@ffprobe-installer/ffprobe',
  // @ffmpeg-installer/ffmpeg ships ffmpeg 4.1; the system ffmpeg (Debian: apt-get install -y ffmpeg) is preferred.
  ffmpeg: null,
};

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where to resolve the installer package from: the main bundle's own file (Electron, a CommonJS
 * bundle) or the working folder (the web host and tests run from the checkout). Not
 * import.meta.url: the CommonJS bundle has no import.meta.
 */
function resolutionBases(): string[] {
  const bases = [join(process.cwd(), 'package.json')];
  if (typeof __filename === 'string') bases.unshift(__filename);
  return bases;
}

/** The installer package's binary, or null when the package (or its platform part) is not installed. */
function installerPath(name: MediaToolName): string | null {
  const pkg = INSTALLER_PACKAGES[name];
  if (!pkg) return null;
  for (const base of resolutionBases()) {
    try {
      // Resolved at run time, not bundled: a dev checkout's node_modules has it; a packaged app may not.
      const found = (createRequire(base)(pkg) as { path?: unknown }).path;
      if (typeof found !== 'string' || found === '') continue;
      // Binaries cannot run from inside an asar archive; electron-builder unpacks them beside it.
      return found.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    } catch {
      // Not installed here (or not for this platform): try the next base, then PATH.
    }
  }
  return null;
}

/** `name` looked up in the PATH folders, the way a shell would. */
async function onPath(name: MediaToolName, pathVariable: string | undefined): Promise<string | null> {
  const file = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (pathVariable ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, file);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

const resolved = new Map<string, Promise<string | null>>();

/**
 * The binary to run for `name`: the explicit option, else ffprobe from its installer package, else
 * the first one on PATH. Cached per process (the answer does not change while the app runs).
 */
export function resolveMediaTool(name: MediaToolName, paths: MediaToolPaths = {}, pathVariable = process.env['PATH']): Promise<string | null> {
  const explicit = paths[name];
  if (explicit) return isExecutable(explicit).then((yes) => (yes ? explicit : null));
  const key = `${name}\0${pathVariable ?? ''}`;
  let found = resolved.get(key);
  if (!found) {
    found = (async () => {
      const fromPackage = installerPath(name);
      if (fromPackage && (await isExecutable(fromPackage))) return fromPackage;
      return onPath(name, pathVariable);
    })();
    resolved.set(key, found);
  }
  return found;
}

export function missingToolMessage(name: MediaToolName): string {
  return `${name} was not found, so Shotcanvas cannot read video files. Install FFmpeg (Debian/Ubuntu: apt-get install -y ffmpeg; macOS: brew install ffmpeg) and try again.`;
}

export interface RunOptions {
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
}

export interface RunOutcome {
  /** Exit code, or null when killed (timeout, cancel, output cap). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly tooMuchOutput: boolean;
  readonly cancelled: boolean;
  /** Set when the program could not be started at all (ENOENT, EACCES…). */
  readonly startError: string | null;
}

/** Runs `file` with `args` (never through a shell) and collects what it printed. Never throws for a failing tool. */
export function runTool(file: string, args: readonly string[], options: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs,
        maxBuffer: options.maxOutputBytes,
        encoding: 'utf8',
        windowsHide: true,
        killSignal: 'SIGKILL',
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string | null }) | null;
        const cancelled = options.signal?.aborted === true;
        const tooMuchOutput = e?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
        const timedOut = !cancelled && !tooMuchOutput && e?.killed === true;
        const code = e ? (typeof e.code === 'number' ? e.code : null) : 0;
        const startError = e && typeof e.code === 'string' && !tooMuchOutput && e.code !== 'ABORT_ERR' ? `${e.code}: ${e.message}` : null;
        resolve({ code, stdout, stderr, timedOut, tooMuchOutput, cancelled, startError });
      },
    );
  });
}

/**
 * At most `limit` tasks at a time: a board of fifty takes asks for fifty posters at once, and
 * fifty ffmpeg processes would starve the machine.
 */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so the count never overshoots.
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
