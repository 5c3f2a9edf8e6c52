import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Services tests use real temporary folders; give slow CI disks some room.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
