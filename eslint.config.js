// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency table of ../shared/ARCHITECTURE.md, enforced per folder. Each block lists what
 * that layer must not import; the per-layer tsconfigs back this up (no Node types in renderer/,
 * neither DOM nor Node in shared/).
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'zlib',
  'worker_threads',
];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'renderer/public/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals (Node runs our TypeScript by stripping types; enums are not erasable).' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        'electron',
        'electron/*',
        'react',
        'react-dom',
        'react-dom/*',
        'konva',
        'konva/*',
        'react-konva',
        'dexie',
        ...NODE_BUILTINS,
        '**/electron/**',
        '**/renderer/**',
      ],
      'shared/ is pure TypeScript: no DOM, Node, Electron, React, Konva or Dexie (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'react-dom', 'konva', 'react-konva', 'dexie', '**/renderer/**', '**/main/**', '**/webHost/**', '**/preload/**'],
      'Services are plain Node: they never import electron, UI libraries or other layers (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(
      ['react', 'react-dom', 'konva', 'react-konva', 'dexie', '**/renderer/**', '**/webHost/**', '**/preload/**'],
      'electron/main may import shared/, services and electron only (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      [
        ...NODE_BUILTINS,
        'react',
        'zod',
        'konva',
        'dexie',
        '**/renderer/**',
        '**/services/**',
        '**/main/**',
        '**/webHost/**',
        '**/shared/model/**',
        '**/shared/security/**',
        '**/shared/result*',
      ],
      'The sandboxed preload may import electron and shared/ipc only (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['electron/webHost/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', 'react', 'konva', 'dexie', '**/renderer/**', '**/main/**', '**/preload/**'],
      'The web host runs the services without Electron (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['electron', 'electron/*', ...NODE_BUILTINS, '**/electron/**'],
        'The renderer is a web page: no Node, no Electron; ask main through platform/mainBridge.ts (ARCHITECTURE.md).',
      ),
    },
  },
  {
    files: ['renderer/editor/**/*.ts'],
    rules: restrict(
      [
        'electron',
        ...NODE_BUILTINS,
        'react',
        'react-dom',
        'konva',
        'konva/*',
        'react-konva',
        'dexie',
        '**/electron/**',
        '**/canvas/**',
        '**/panels/**',
        '**/db/**',
        '**/app/**',
        '**/platform/**',
      ],
      'renderer/editor is headless: shared/ only, no React, Konva or Dexie (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', '*.config.ts', 'build/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
