import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.ts';

/** `sha256:<hex>` of the canonical JSON: independent of key order and whitespace. */
export function contentHashOf(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
