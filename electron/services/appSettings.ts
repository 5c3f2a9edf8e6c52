import { join } from 'node:path';
import { z } from 'zod';
import type { AppSettings, AppSettingsPatch } from '../../shared/ipc/contract.ts';
import type { FileSystem } from './fileSystem.ts';
import { JsonStore } from './jsonStore.ts';

const settingsSchema = z.object({
  workspaceDir: z.string().min(1).max(4096),
  inspectorWidth: z.number().int().min(240).max(800),
  showInspector: z.boolean(),
});

export function defaultSettings(workspaceDir: string): AppSettings {
  return { workspaceDir, inspectorWidth: 320, showInspector: true };
}

/** App-wide preferences in the user-data folder (not in any project). */
export class AppSettingsStore {
  private readonly store: JsonStore<AppSettings>;
  private cached: AppSettings | null = null;
  /** Read-modify-write runs one at a time, so two quick patches cannot overwrite each other. */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(fs: FileSystem, userDataDir: string, defaultWorkspaceDir: string) {
    this.store = new JsonStore<AppSettings>({
      fs,
      path: join(userDataDir, 'settings.json'),
      // Unknown keys from a newer version are dropped on load rather than failing the whole file.
      schema: settingsSchema,
      defaults: () => defaultSettings(defaultWorkspaceDir),
    });
  }

  async get(): Promise<AppSettings> {
    if (!this.cached) this.cached = (await this.store.load()).value;
    return this.cached;
  }

  update(patch: AppSettingsPatch): Promise<AppSettings> {
    const run = this.updates.then(async () => {
      const next: AppSettings = { ...(await this.get()), ...definedOnly(patch) };
      await this.store.save(next);
      this.cached = next;
      return next;
    });
    this.updates = run.catch(() => undefined);
    return run;
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
