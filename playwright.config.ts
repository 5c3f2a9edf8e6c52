import { defineConfig } from '@playwright/test';

/**
 * End-to-end specs run the real renderer against the real services. Project "web" starts the web
 * host on a temporary workspace and drives Chromium; project "electron" runs the same specs under
 * Playwright's Electron launcher and is skipped (with the reason) where no Electron binary exists.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/globalSetup.ts',
  fullyParallel: false,
  workers: process.env['CI'] ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The fixture (tests/e2e/support/appFixture.ts) launches Debian's Chromium or the one
    // SHOTCANVAS_CHROMIUM names, and explains how to get one when none is found.
    { name: 'web' },
    { name: 'electron' },
  ],
});
