import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/**
 * The Chromium the end-to-end tests drive. Playwright's own download is impossible on machines
 * without internet, so Debian's `chromium` package is the default; SHOTCANVAS_CHROMIUM overrides,
 * and a browser from `npx playwright install chromium` is used where one exists.
 */
export const CHROMIUM_HELP =
  'No Chromium found for the end-to-end tests. Install one:\n' +
  '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
  '  with internet:  npx playwright install chromium\n' +
  'or point SHOTCANVAS_CHROMIUM at a Chromium/Chrome executable.';

export function findChromium(): string {
  const candidates = [process.env['SHOTCANVAS_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (existsSync(bundled)) return bundled;
  } catch {
    // No Playwright-managed browser either.
  }
  throw new Error(CHROMIUM_HELP);
}

/** Flags for a headless Chromium on a machine with a closed network (see README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
