import type { FullConfig } from '@playwright/test';
import { findChromium } from './chromiumPath.ts';
import { NO_ELECTRON_REASON, findElectronBinary } from './electronBinary.ts';

/** Says up front which shells the end-to-end specs will drive, and why one is skipped. */
export default function globalSetup(config: FullConfig): void {
  const projects = new Set(config.projects.map((p) => p.name));
  if (projects.has('web')) {
    // Throws with install instructions when no Chromium exists: better now than once per test.
    console.log(`[e2e] web host specs drive Chromium at ${findChromium()}`);
  }
  if (projects.has('electron')) {
    const electron = findElectronBinary();
    console.log(electron ? `[e2e] electron specs drive ${electron}` : `[e2e] electron project skipped: ${NO_ELECTRON_REASON}`);
  }
}
