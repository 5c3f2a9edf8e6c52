import { MEDIA_SCHEME } from '../identity.ts';

/**
 * The renderer's Content-Security-Policy. Scripts only from the app itself: no inline script, no
 * eval, no remote origin. Styles allow inline because React style props and Radix's scroll lock
 * write style elements; scripts are what must stay locked down. Media comes from the app or the
 * restricted media scheme/route only.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', `'self' data: blob: ${MEDIA_SCHEME}:`],
  ['media-src', `'self' blob: ${MEDIA_SCHEME}:`],
  ['font-src', "'self' data:"],
  // The canvas fetch()es thumbnails (to decode them at display size) from the media scheme.
  ['connect-src', `'self' ${MEDIA_SCHEME}:`],
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** For a `<meta http-equiv>` tag (frame-ancestors is ignored there, so it is left out). */
export const RENDERER_CSP_META = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/** For the HTTP header / protocol response, where frame-ancestors works. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP_META}; frame-ancestors 'none'`;
