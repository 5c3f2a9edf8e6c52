import { BRIDGE_GLOBAL, MAIN_API_METHODS, MAIN_EVENT_NAMES } from '../../shared/ipc/contract.ts';
import { TOKEN_HEADER } from './webHostAuth.ts';

/**
 * The web host's stand-in for the Electron preload: defines the same frozen
 * `window.shotcanvas` (one function per MainApi method, plus `on()` returning an unsubscribe)
 * and forwards each call over HTTP. Served as a file (the CSP forbids inline script), with the
 * per-run token baked in; it is only served to a browser holding the session cookie.
 */
export function buildBridgeScript(token: string): string {
  const config = JSON.stringify({
    token,
    tokenHeader: TOKEN_HEADER,
    methods: MAIN_API_METHODS,
    events: MAIN_EVENT_NAMES,
    global: BRIDGE_GLOBAL,
  });
  return `'use strict';
(function () {
  var config = ${config};
  var listeners = {};
  config.events.forEach(function (name) { listeners[name] = new Set(); });
  var source = null;
  function connectEvents() {
    if (source) return;
    source = new EventSource('/api/events');
    config.events.forEach(function (name) {
      source.addEventListener(name, function (message) {
        var payload;
        try { payload = JSON.parse(message.data); } catch (e) { return; }
        listeners[name].forEach(function (listener) { try { listener(payload); } catch (e) { console.error(e); } });
      });
    });
  }
  function call(method, args) {
    return fetch('/api/' + method, {
      method: 'POST',
      headers: (function () { var h = { 'content-type': 'application/json' }; h[config.tokenHeader] = config.token; return h; })(),
      body: JSON.stringify({ args: Array.prototype.slice.call(args) }),
      credentials: 'same-origin',
      cache: 'no-store',
    }).then(function (response) {
      return response.json().catch(function () {
        return { ok: false, error: { code: 'INTERNAL', message: 'The web host answered ' + response.status + ' without a result.' } };
      });
    }, function (error) {
      return { ok: false, error: { code: 'IO_ERROR', message: 'The Shotcanvas web host is not reachable (' + String(error && error.message || error) + '). Is npm run web still running?' } };
    });
  }
  var bridge = { hostKind: 'web' };
  config.methods.forEach(function (method) {
    bridge[method] = function () { return call(method, arguments); };
  });
  bridge.on = function (event, listener) {
    if (!listeners[event]) throw new Error('Unknown Shotcanvas event: ' + event);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    connectEvents();
    listeners[event].add(listener);
    return function () { listeners[event].delete(listener); };
  };
  Object.defineProperty(window, config.global, { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;
}
