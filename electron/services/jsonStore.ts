import { dirname } from 'node:path';
import type { z } from 'zod';
import { findForbiddenKey } from '../../shared/validation.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';

export interface JsonStoreLoad<T> {
  readonly value: T;
  /** Set when the file existed but was unreadable or invalid and defaults were used instead. */
  readonly problem: string | null;
}

/**
 * A small JSON document (settings, recent projects) validated on every read and written
 * atomically. A damaged file never crashes the app: it is set aside and defaults are used.
 */
export class JsonStore<T> {
  private readonly fs: FileSystem;
  private readonly path: string;
  private readonly schema: z.ZodType<T>;
  private readonly defaults: () => T;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: { fs: FileSystem; path: string; schema: z.ZodType<T>; defaults: () => T }) {
    this.fs = options.fs;
    this.path = options.path;
    this.schema = options.schema;
    this.defaults = options.defaults;
  }

  async load(): Promise<JsonStoreLoad<T>> {
    let text: string;
    try {
      text = await this.fs.readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { value: this.defaults(), problem: null };
      return { value: this.defaults(), problem: `Could not read ${this.path}: ${String(error)}` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return this.setAside(`${this.path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const forbidden = findForbiddenKey(raw);
    if (forbidden) return this.setAside(`${this.path}: the key ${forbidden} is not allowed`);
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) return this.setAside(`${this.path} has invalid content (${parsed.error.issues[0]?.message ?? 'unknown'})`);
    return { value: parsed.data, problem: null };
  }

  /** Writes are queued so two quick updates cannot interleave their renames. */
  save(value: T): Promise<void> {
    const run = this.queue.then(async () => {
      await this.fs.mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, { fs: this.fs });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async setAside(problem: string): Promise<JsonStoreLoad<T>> {
    await this.fs.rename(this.path, `${this.path}.invalid-${Date.now()}`).catch(() => undefined);
    return { value: this.defaults(), problem };
  }
}
