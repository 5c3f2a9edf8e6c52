import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { FileSystem } from '../fileSystem.ts';

/**
 * yauzl over a FileHandle opened through the FileSystem facade. We own the handle: yauzl reads
 * through it and `close()` below releases it exactly once, whatever yauzl did before.
 */
const CHUNK_BYTES = 256 * 1024;

class HandleReader extends yauzl.RandomAccessReader {
  private readonly handle: FileHandle;
  private closing: Promise<void> | null = null;

  constructor(handle: FileHandle) {
    super();
    this.handle = handle;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // Positional reads on our handle: any number of these may be open at once, and none of them
    // ever closes the handle (FileHandle streams close it when destroyed).
    const handle = this.handle;
    let position = start;
    return new Readable({
      read() {
        const length = Math.min(CHUNK_BYTES, end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const buffer = Buffer.allocUnsafe(length);
        handle.read(buffer, 0, length, position).then(
          ({ bytesRead }) => {
            if (bytesRead === 0) {
              this.destroy(new Error('unexpected end of file'));
              return;
            }
            position += bytesRead;
            this.push(buffer.subarray(0, bytesRead));
          },
          (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    this.handle.read(buffer, offset, length, position).then(
      (r) => callback(null, r.bytesRead),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.release().then(
      () => callback(null),
      () => callback(null),
    );
  }

  release(): Promise<void> {
    this.closing ??= this.handle.close().catch(() => undefined);
    return this.closing;
  }
}

export interface OpenedZip {
  readonly zip: yauzl.ZipFile;
  /** Every entry of the central directory, in order. */
  readonly entries: readonly yauzl.Entry[];
  /** Closes the zip and its file handle; safe to call more than once. */
  close(): Promise<void>;
}

export const YAUZL_OPTIONS: yauzl.Options = Object.freeze({
  lazyEntries: true,
  autoClose: false,
  strictFileNames: true,
  validateEntrySizes: true,
  decodeStrings: true,
});

/**
 * Opens a zip and reads its central directory (metadata only, no file data). The checks may
 * throw to stop at the first problem (the error is rethrown as is, after closing the zip).
 */
export interface ZipChecks {
  /** Called with the entry count the archive declares, before any entry is read. */
  onCount(count: number): void;
  onEntry(entry: yauzl.Entry): void;
}

export async function openZip(fs: FileSystem, path: string, checks: ZipChecks): Promise<OpenedZip> {
  const handle = await fs.open(path, 'r');
  const reader = new HandleReader(handle);
  let zip: yauzl.ZipFile;
  try {
    const { size } = await handle.stat();
    zip = await yauzl.fromRandomAccessReaderPromise(reader, size, { ...YAUZL_OPTIONS });
  } catch (error) {
    await reader.release();
    throw error;
  }
  // yauzl may report a late error (e.g. from a stream we already gave up on): never let it throw.
  zip.on('error', () => undefined);
  const close = async () => {
    zip.close();
    await reader.release();
  };
  try {
    checks.onCount(zip.entryCount);
    const entries = await readCentralDirectory(zip, (entry) => checks.onEntry(entry));
    return { zip, entries, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function readCentralDirectory(zip: yauzl.ZipFile, onEntry: (entry: yauzl.Entry) => void): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    const cleanup = () => {
      zip.removeListener('entry', handleEntry);
      zip.removeListener('end', handleEnd);
      zip.removeListener('error', handleError);
    };
    const handleEntry = (entry: yauzl.Entry) => {
      try {
        onEntry(entry);
      } catch (error) {
        cleanup();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    };
    const handleEnd = () => {
      cleanup();
      resolve(entries);
    };
    const handleError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zip.on('entry', handleEntry);
    zip.once('end', handleEnd);
    zip.once('error', handleError);
    zip.readEntry();
  });
}

export function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return zip.openReadStreamPromise(entry);
}
