import { readFileSync, readdirSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Import specifiers of a TypeScript file: static imports (including `import type`), `export … from`,
 * dynamic `import('…')` and `require('…')`. TypeScript's own pre-processor skips comments and
 * strings, which a regex would not.
 */
export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** Every .ts/.tsx file under `dir` (repo-relative, forward slashes), skipping node_modules. */
export function sourceFiles(repoRoot: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) out.push(relative(repoRoot, full).split(sep).join('/'));
    }
  };
  walk(join(repoRoot, dir));
  return out.sort();
}

export function readSource(repoRoot: string, file: string): string {
  return readFileSync(join(repoRoot, file), 'utf8');
}

const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
const isNode = (spec: string) => spec.startsWith('node:') || isBuiltin(spec);
const UI_PACKAGES = ['react', 'react-dom', 'konva', 'react-konva', 'dexie'];
const isUiLibrary = (spec: string) => UI_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));
const under = (path: string, ...folders: string[]) => folders.some((f) => path === f || path.startsWith(`${f}/`));

interface LayerRule {
  /** Repo-relative folder; the most specific matching layer applies. */
  readonly folder: string;
  /** Why a package import is refused, or null when it is allowed. */
  readonly refusePackage: (spec: string) => string | null;
  /** Folders (repo-relative) a relative import may land in. */
  readonly allowedFolders: readonly string[];
}

const refuse = (checks: Array<[(s: string) => boolean, string]>) => (spec: string) => checks.find(([test]) => test(spec))?.[1] ?? null;

/** The dependency table of ARCHITECTURE.md ("Dependency rules between folders"). */
export const LAYER_RULES: readonly LayerRule[] = [
  {
    folder: 'shared',
    refusePackage: refuse([
      [isElectron, 'shared/ must not import electron'],
      [isNode, 'shared/ must not import Node built-ins'],
      [isUiLibrary, 'shared/ must not import react, konva or dexie'],
    ]),
    allowedFolders: ['shared'],
  },
  {
    folder: 'electron/services',
    refusePackage: refuse([
      [isElectron, 'services must not import electron'],
      [isUiLibrary, 'services must not import react, konva or dexie'],
    ]),
    allowedFolders: ['shared', 'electron/services'],
  },
  {
    folder: 'electron/main',
    refusePackage: refuse([[isUiLibrary, 'electron/main must not import react, konva or dexie']]),
    allowedFolders: ['shared', 'electron/services', 'electron/main'],
  },
  {
    folder: 'electron/preload',
    refusePackage: (spec) => (spec === 'electron' ? null : 'the preload may import only electron and shared/ipc'),
    allowedFolders: ['electron/preload', 'shared/ipc'],
  },
  {
    folder: 'electron/webHost',
    refusePackage: refuse([
      [isElectron, 'the web host must not import electron'],
      [isUiLibrary, 'the web host must not import react, konva or dexie'],
    ]),
    allowedFolders: ['shared', 'electron/services', 'electron/webHost'],
  },
  {
    folder: 'renderer',
    refusePackage: refuse([
      [isElectron, 'the renderer must not import electron'],
      [isNode, 'the renderer must not import Node built-ins'],
    ]),
    allowedFolders: ['shared', 'renderer'],
  },
  {
    folder: 'renderer/editor',
    refusePackage: refuse([
      [isElectron, 'renderer/editor must not import electron'],
      [isNode, 'renderer/editor must not import Node built-ins'],
      [isUiLibrary, 'renderer/editor must not import react, konva or dexie'],
    ]),
    allowedFolders: ['shared', 'renderer/editor'],
  },
];

export function layerOf(file: string): LayerRule | null {
  const matching = LAYER_RULES.filter((rule) => under(file, rule.folder));
  return matching.sort((a, b) => b.folder.length - a.folder.length)[0] ?? null;
}

/** One line per broken rule, naming the file, the import and the rule; empty when allowed. */
export function checkImport(file: string, spec: string): string | null {
  const rule = layerOf(file);
  if (!rule) return `${file}: is in no layer of the dependency table`;
  const bare = spec.split('?')[0] ?? spec;
  if (!bare.startsWith('.') && !bare.startsWith('/')) {
    const reason = rule.refusePackage(bare);
    return reason ? `${file}: imports '${spec}' (${reason})` : null;
  }
  const target = posix.normalize(posix.join(posix.dirname(file), bare));
  if (rule.allowedFolders.some((folder) => under(target, folder))) return null;
  return `${file}: imports '${spec}' (resolves to ${target}; ${rule.folder}/ may import only from ${rule.allowedFolders.join(', ')})`;
}
