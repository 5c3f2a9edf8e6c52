import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

/** An Electron-like event whose preventDefault() is observable. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type Listener = (...args: unknown[]) => unknown;

/**
 * The parts of WebContents the hardening code touches: on() listeners and the window-open
 * handler are recorded so a test can fire them as Chromium would.
 */
export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `event` like Chromium does and returns the event object to inspect. */
  fire(event: string, ...args: unknown[]): FakeEvent {
    const e = fakeEvent();
    for (const listener of this.listeners.get(event) ?? []) listener(e, ...args);
    return e;
  }

  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window-open handler installed');
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails);
  }
}
