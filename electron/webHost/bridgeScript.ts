import { BRIDGE_GLOBAL, MAIN_API_METHODS, MAIN_EVENT_NAMES } from '../../shared/ipc/contract.ts';
import { TOKEN_HEADER } from './webHostAuth.ts';

/** Where the bridge streams media files for import: `POST /upload/media?projectId=…&clientId=…&fileName=…`. */
export const MEDIA_UPLOAD_PATH = '/upload/media';

/**
 * The web host's stand-in for the Electron preload: defines the same frozen
 * `window.shotcanvas` (one function per MainApi method, `on()` returning an unsubscribe, and
 * `files.uploadMedia`, which streams a File with XMLHttpRequest for its upload progress events)
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
    uploadPath: MEDIA_UPLOAD_PATH,
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
  function failure(code, message) {
    return { ok: false, error: { code: code, message: message } };
  }
  function uploadMedia(file, target, onProgress) {
    var xhr = new XMLHttpRequest();
    var name = String(file && file.name);
    var done = new Promise(function (resolve) {
      var query = '?projectId=' + encodeURIComponent(target.projectId) + '&clientId=' + encodeURIComponent(target.clientId) +
        '&fileName=' + encodeURIComponent(target.fileName);
      xhr.open('POST', config.uploadPath + query);
      xhr.setRequestHeader(config.tokenHeader, config.token);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.upload.onprogress = function (event) {
        if (typeof onProgress !== 'function') return;
        try { onProgress(event.loaded, event.lengthComputable ? event.total : file.size); } catch (e) { console.error(e); }
      };
      xhr.onload = function () {
        try { resolve(JSON.parse(xhr.responseText)); } catch (e) {
          resolve(failure('INTERNAL', 'The web host answered ' + xhr.status + ' to the upload of "' + name + '" without a result: ' + String(xhr.responseText).slice(0, 200)));
        }
      };
      xhr.onerror = function () {
        resolve(failure('IO_ERROR', 'The upload of "' + name + '" failed: the Shotcanvas web host closed the connection or is not reachable. Is npm run web still running?'));
      };
      xhr.onabort = function () { resolve(failure('CANCELLED', 'The upload of "' + name + '" was cancelled; nothing was kept.')); };
      // A File body is streamed from disk by the browser, never read into memory here.
      xhr.send(file);
    });
    return Object.freeze({ done: done, abort: function () { xhr.abort(); } });
  }
  var bridge = { hostKind: 'web', files: Object.freeze({ uploadMedia: uploadMedia }) };
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
