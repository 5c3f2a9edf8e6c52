import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { AppError, ErrorCode } from '../../../shared/result.ts';
import type { FileSystem } from '../fileSystem.ts';

/**
 * Internal control flow: bundle code throws a BundleFailure deep inside streams and loops; the
 * public functions catch it and return its AppError as a Result. Never escapes the module.
 */
export class BundleFailure extends Error {
  readonly error: AppError;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.error = where === undefined ? { code, message } : { code, message, where };
  }
}

export interface MeterOptions {
  /** Stop (with `tooLarge()`'s message) as soon as more than this many bytes went through. */
  readonly maxBytes: number;
  readonly tooLarge: (seen: number) => string;
  readonly signal: AbortSignal;
  readonly onBytes?: (bytes: number) => void;
  /** When set, the stream fails at its end unless exactly these bytes went through. */
  readonly expect?: { readonly size: number; readonly sha256: string; readonly mismatch: (size: number, sha256: string) => Error };
}

/**
 * Passes bytes through while counting and hashing them. Counting here (not trusting a header)
 * is what stops a decompression bomb: the stream fails the moment it exceeds `maxBytes`.
 */
export class MeterStream extends Transform {
  private readonly options: MeterOptions;
  private readonly hash: Hash = createHash('sha256');
  private hex: string | null = null;
  bytes = 0;

  constructor(options: MeterOptions) {
    super();
    this.options = options;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.options.signal.aborted) {
      callback(new BundleFailure('CANCELLED', 'Cancelled.'));
      return;
    }
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) {
      callback(new BundleFailure('INVALID_ARGUMENT', this.options.tooLarge(this.bytes)));
      return;
    }
    this.hash.update(chunk);
    this.options.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const expect = this.options.expect;
    const sha256 = this.digest();
    if (expect && (expect.size !== this.bytes || expect.sha256 !== sha256)) callback(expect.mismatch(this.bytes, sha256));
    else callback();
  }

  /** Hex sha256 of everything that went through (call after the end). */
  digest(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

export function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A sink that drops everything (hashing pass) or collects it up to the meter's cap (JSON). */
export function sink(collect: Buffer[] | null): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      collect?.push(chunk);
      callback();
    },
  });
}

/** sha256 and size of a file, streamed. */
export async function hashFile(
  fs: FileSystem,
  path: string,
  signal: AbortSignal,
  onBytes?: (bytes: number) => void,
): Promise<{ size: number; sha256: string }> {
  const handle = await fs.open(path, 'r');
  const meter = new MeterStream({ maxBytes: Number.MAX_SAFE_INTEGER, tooLarge: () => `${path} is too large`, signal, onBytes });
  try {
    await pipeline(handle.createReadStream(), meter, sink(null), { signal });
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { size: meter.bytes, sha256: meter.digest() };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns whatever a stream or fs call threw into the AppError of a BundleFailure. */
export function toFailure(error: unknown, signal: AbortSignal, cancelledMessage: string, ioMessage: (detail: string) => string, where?: string): BundleFailure {
  if (error instanceof BundleFailure) {
    if (error.error.code === 'CANCELLED') return new BundleFailure('CANCELLED', cancelledMessage, where);
    return error;
  }
  if (signal.aborted) return new BundleFailure('CANCELLED', cancelledMessage, where);
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (code === 'ENOSPC') return new BundleFailure('NO_SPACE', ioMessage('the disk is full; free some space and try again'), where);
  return new BundleFailure('IO_ERROR', ioMessage(describeError(error)), where);
}
