import { APP_HOST, APP_SCHEME } from '../../shared/identity.ts';

/**
 * Decides whether an IPC message comes from our own renderer. Compares protocol and host (in
 * Node, `new URL('app://x').origin` is the string "null", so origins cannot be compared for
 * custom schemes). The dev server is trusted only when it is the one Forge started.
 */
export function isTrustedSenderUrl(url: string | undefined, devServerUrl: string | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return parsed.protocol === dev.protocol && parsed.host === dev.host;
  }
  return false;
}

export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** Only the top frame of our page may call main; iframes (there are none) and gone frames may not. */
export function isTrustedSenderFrame(frame: SenderFrameLike | null | undefined, devServerUrl: string | null): boolean {
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url, devServerUrl);
}
