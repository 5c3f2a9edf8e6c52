import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYER_RULES, checkImport, importSpecifiers, layerOf, readSource, sourceFiles } from './importScanner.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRODUCT_FOLDERS = ['shared', 'electron', 'renderer'];
const MAX_LINES = 800;

const files = PRODUCT_FOLDERS.flatMap((folder) => sourceFiles(repoRoot, folder));

describe('the import scanner', () => {
  it('finds static, type-only, re-export, side-effect, dynamic and multi-line imports, but not comments or strings', () => {
    const source = [
      "// import commented from 'commented';",
      "import type { A } from './a.ts';",
      'import {\n  b,\n  c,\n} from "./b.ts";',
      "import './side.css';",
      "export * from './star.ts';",
      "export type { T } from './t.ts';",
      "const lazy = await import('./lazy.ts');",
      'const text = "import z from \'in-a-string\'";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', './b.ts', './side.css', './star.ts', './t.ts', './lazy.ts']);
  });

  it('reports the offending file and import for each kind of violation', () => {
    expect(checkImport('shared/model/x.ts', 'electron')).toMatch(/^shared\/model\/x\.ts: imports 'electron'/);
    expect(checkImport('shared/model/x.ts', 'node:fs')).toContain("imports 'node:fs'");
    expect(checkImport('shared/model/x.ts', 'path')).toContain('Node built-ins');
    expect(checkImport('shared/model/x.ts', '../../renderer/app/App.tsx')).toContain('resolves to renderer/app/App.tsx');
    expect(checkImport('shared/x.ts', 'react')).not.toBeNull();
    expect(checkImport('electron/services/a.ts', 'electron')).not.toBeNull();
    expect(checkImport('electron/services/a.ts', 'dexie')).not.toBeNull();
    expect(checkImport('electron/services/a.ts', '../main/x.ts')).not.toBeNull();
    expect(checkImport('electron/main/a.ts', '../webHost/webHostServer.ts')).not.toBeNull();
    expect(checkImport('electron/main/a.ts', '../../renderer/x.ts')).not.toBeNull();
    expect(checkImport('electron/main/a.ts', 'react')).not.toBeNull();
    expect(checkImport('electron/preload/p.ts', 'node:path')).not.toBeNull();
    expect(checkImport('electron/preload/p.ts', 'zod')).not.toBeNull();
    expect(checkImport('electron/preload/p.ts', '../../shared/result.ts')).not.toBeNull();
    expect(checkImport('electron/preload/p.ts', '../services/x.ts')).not.toBeNull();
    expect(checkImport('electron/webHost/w.ts', 'electron')).not.toBeNull();
    expect(checkImport('electron/webHost/w.ts', '../main/x.ts')).not.toBeNull();
    expect(checkImport('renderer/app/App.tsx', 'electron')).not.toBeNull();
    expect(checkImport('renderer/app/App.tsx', 'fs')).not.toBeNull();
    expect(checkImport('renderer/app/App.tsx', '../../electron/services/x.ts')).not.toBeNull();
    expect(checkImport('renderer/editor/doc.ts', 'react')).not.toBeNull();
    expect(checkImport('renderer/editor/doc.ts', 'konva/lib/Node')).not.toBeNull();
    expect(checkImport('renderer/editor/doc.ts', 'dexie')).not.toBeNull();
    expect(checkImport('renderer/editor/doc.ts', '../db/projectDb.ts')).not.toBeNull();
  });

  it('allows what the table allows', () => {
    const allowed: Array<[string, string]> = [
      ['shared/model/x.ts', 'zod'],
      ['shared/model/x.ts', '../result.ts'],
      ['electron/services/a.ts', 'node:fs/promises'],
      ['electron/services/a.ts', '../../shared/result.ts'],
      ['electron/main/a.ts', 'electron'],
      ['electron/main/a.ts', '../services/x.ts'],
      ['electron/preload/p.ts', 'electron'],
      ['electron/preload/p.ts', '../../shared/ipc/contract.ts'],
      ['electron/preload/p.ts', './preloadBridge.ts'],
      ['electron/webHost/w.ts', 'node:http'],
      ['electron/webHost/w.ts', '../services/x.ts'],
      ['renderer/app/App.tsx', 'react'],
      ['renderer/canvas/C.tsx', 'react-konva'],
      ['renderer/db/d.ts', 'dexie'],
      ['renderer/app/App.tsx', '../../shared/ids.ts'],
      ['renderer/editor/doc.ts', '../../shared/ids.ts'],
      ['renderer/editor/doc.ts', './camera.ts'],
    ];
    for (const [file, spec] of allowed) expect(checkImport(file, spec), `${file} → ${spec}`).toBeNull();
  });
});

describe('dependency rules between folders (ARCHITECTURE.md)', () => {
  it('scans files in every layer', () => {
    for (const rule of LAYER_RULES) {
      expect(
        files.filter((f) => layerOf(f) === rule),
        rule.folder,
      ).not.toHaveLength(0);
    }
  });

  it('every product source file belongs to a layer of the table', () => {
    expect(files.filter((f) => layerOf(f) === null)).toEqual([]);
  });

  it('no file imports across a forbidden boundary', () => {
    const violations = files.flatMap((file) =>
      importSpecifiers(readSource(repoRoot, file))
        .map((spec) => checkImport(file, spec))
        .filter((v): v is string => v !== null),
    );
    expect(violations).toEqual([]);
  });
});

describe('file conventions', () => {
  it('has no barrel index files in renderer/ or electron/', () => {
    const barrels = files.filter((f) => /^(renderer|electron)\//.test(f) && /(^|\/)index\.(ts|tsx|mts|cts)$/.test(f));
    expect(barrels).toEqual([]);
  });

  it(`keeps every source file at or under ${MAX_LINES} lines`, () => {
    const tooLong = files
      .map((f) => ({ file: f, lines: readSource(repoRoot, f).split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
