import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { FileSystem } from './fileSystem.ts';
import { JsonStore } from './jsonStore.ts';

export interface RecentProject {
  readonly path: string;
  readonly lastOpenedAt: string;
}

const MAX_RECENT = 20;
const recentSchema = z.array(z.object({ path: z.string().min(1).max(4096), lastOpenedAt: z.iso.datetime() })).max(200);

/** Most recently opened project folders, newest first, capped; lives in the user-data folder. */
export class RecentProjects {
  private readonly store: JsonStore<RecentProject[]>;
  /** Read-modify-write runs one at a time, so two quick changes cannot drop each other's entry. */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(fs: FileSystem, userDataDir: string) {
    this.store = new JsonStore<RecentProject[]>({ fs, path: join(userDataDir, 'recent-projects.json'), schema: recentSchema, defaults: () => [] });
  }

  async list(): Promise<RecentProject[]> {
    return (await this.store.load()).value;
  }

  touch(path: string, now: Date): Promise<void> {
    return this.change(async () => {
      const key = resolve(path);
      const rest = (await this.list()).filter((r) => resolve(r.path) !== key);
      await this.store.save([{ path: key, lastOpenedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT));
    });
  }

  replace(oldPath: string, newPath: string): Promise<void> {
    return this.change(async () => {
      const key = resolve(oldPath);
      const list = await this.list();
      if (!list.some((r) => resolve(r.path) === key)) return;
      await this.store.save(list.map((r) => (resolve(r.path) === key ? { ...r, path: resolve(newPath) } : r)));
    });
  }

  forget(path: string): Promise<void> {
    return this.change(async () => {
      const key = resolve(path);
      const list = await this.list();
      const next = list.filter((r) => resolve(r.path) !== key);
      if (next.length !== list.length) await this.store.save(next);
    });
  }

  private change(operation: () => Promise<void>): Promise<void> {
    const run = this.changes.then(operation);
    this.changes = run.catch(() => undefined);
    return run;
  }
}
