import type { Entry } from 'yauzl';
import type { BundleLimits, BundleManifest, BundleManifestEntry } from './bundleFormat.ts';
import { BUNDLE_PROJECT_FILE, MANIFEST_NAME, checkEntryName, exceedsCompressionRatio, findNameClash, unixEntryType } from './bundleFormat.ts';
import { BundleFailure } from './bundleStreams.ts';

/** "Cannot import <bundle>: <detail>", the one shape of every refusal. */
export function refusal(bundlePath: string, detail: string, where?: string, code: 'INVALID_ARGUMENT' | 'NEWER_VERSION' = 'INVALID_ARGUMENT'): BundleFailure {
  const sentence = detail.length > 0 ? detail[0]!.toLowerCase() + detail.slice(1) : detail;
  return new BundleFailure(code, `Cannot import ${bundlePath}: ${sentence.replace(/\.$/, '')}. Nothing was imported.`, where ?? bundlePath);
}

function quoted(name: string): string {
  return JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
}

const GiB = 2 ** 30;
function bytesText(bytes: number): string {
  return bytes >= GiB ? `${(bytes / GiB).toFixed(1)} GiB` : bytes >= 1024 * 1024 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${bytes} bytes`;
}

/**
 * Checks one central-directory entry before any data is read. Returns the problem (a sentence
 * naming the entry) or null. `totals` accumulates across calls.
 */
export function checkZipEntry(entry: Entry, limits: BundleLimits, totals: { bytes: number }): string | null {
  const name = entry.fileName;
  const valid = checkEntryName(name);
  if (!valid.ok) return valid.error.message;
  const type = unixEntryType(entry.externalFileAttributes);
  if (type === 'symlink') return `The entry ${quoted(name)} is a symbolic link; bundles hold only plain files.`;
  if (type === 'other') return `The entry ${quoted(name)} is not a plain file.`;
  if (entry.isEncrypted()) return `The entry ${quoted(name)} is encrypted; bundles are never encrypted.`;
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `The entry ${quoted(name)} uses compression method ${entry.compressionMethod}; only stored and deflated entries are supported.`;
  }
  const size = entry.uncompressedSize;
  const isJson = name === MANIFEST_NAME || name === BUNDLE_PROJECT_FILE;
  const cap = isJson ? Math.min(limits.maxJsonBytes, limits.maxEntryBytes) : limits.maxEntryBytes;
  if (size > cap) return `The entry ${quoted(name)} is ${bytesText(size)}, above the ${bytesText(cap)} limit for one entry.`;
  if (exceedsCompressionRatio(size, entry.compressedSize, limits)) {
    return `The entry ${quoted(name)} expands ${Math.round(size / Math.max(entry.compressedSize, 1))} times (above the ${limits.maxCompressionRatio}:1 limit); it looks like a decompression bomb.`;
  }
  totals.bytes += size;
  if (totals.bytes > limits.maxTotalBytes)
    return `The entries add up to more than the ${bytesText(limits.maxTotalBytes)} a bundle may hold (at ${quoted(name)}).`;
  return null;
}

/** Two entries that land on the same file (exact duplicates, case, Unicode normalization). */
export function checkNoClash(bundlePath: string, names: readonly string[]): void {
  const clash = findNameClash(names);
  if (!clash) return;
  const detail =
    clash.first === clash.second
      ? `the entry ${quoted(clash.first)} appears twice`
      : `the entries ${quoted(clash.first)} and ${quoted(clash.second)} would become the same file (names differ only in case or Unicode form, or a file is also used as a folder)`;
  throw refusal(bundlePath, detail, clash.second);
}

/**
 * The zip's entries and the manifest must describe the same files with the same sizes. Returns
 * the manifest entry of every zip entry to extract (everything but the manifest), in zip order.
 */
export function matchManifest(
  bundlePath: string,
  manifest: BundleManifest,
  entries: readonly Entry[],
  limits: BundleLimits,
): Array<{ entry: Entry; expected: BundleManifestEntry }> {
  if (manifest.entries.length + 1 > limits.maxEntries) {
    throw refusal(bundlePath, `its manifest lists ${manifest.entries.length} entries, more than the ${limits.maxEntries} allowed`);
  }
  const listed = new Map<string, BundleManifestEntry>();
  for (const item of manifest.entries) {
    const valid = checkEntryName(item.path);
    if (!valid.ok) throw refusal(bundlePath, `its manifest lists a bad path: ${valid.error.message}`, item.path);
    if (item.path === MANIFEST_NAME) throw refusal(bundlePath, `its manifest lists itself`, item.path);
    if (listed.has(item.path)) throw refusal(bundlePath, `its manifest lists ${quoted(item.path)} twice`, item.path);
    listed.set(item.path, item);
  }
  checkNoClash(bundlePath, [...listed.keys()]);
  if (!listed.has(BUNDLE_PROJECT_FILE)) throw refusal(bundlePath, `it has no ${BUNDLE_PROJECT_FILE}`, BUNDLE_PROJECT_FILE);
  const out: Array<{ entry: Entry; expected: BundleManifestEntry }> = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.fileName === MANIFEST_NAME) continue;
    const expected = listed.get(entry.fileName);
    if (!expected) throw refusal(bundlePath, `the entry ${quoted(entry.fileName)} is not listed in the bundle's manifest`, entry.fileName);
    if (expected.size !== entry.uncompressedSize) {
      throw refusal(
        bundlePath,
        `the entry ${quoted(entry.fileName)} is ${entry.uncompressedSize} bytes in the archive but ${expected.size} bytes in the manifest`,
        entry.fileName,
      );
    }
    seen.add(entry.fileName);
    out.push({ entry, expected });
  }
  for (const path of listed.keys()) {
    if (!seen.has(path)) throw refusal(bundlePath, `its manifest lists ${quoted(path)} but the archive does not contain it`, path);
  }
  return out;
}

const YAUZL_NAME_ERROR = /^(?:invalid characters in fileName|absolute path|invalid relative path): ([\s\S]*)$/;

/** Turns an error from yauzl (opening or listing the zip) into a clear refusal. */
export function zipRefusal(bundlePath: string, error: unknown): BundleFailure {
  if (error instanceof BundleFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const nameError = YAUZL_NAME_ERROR.exec(message);
  if (nameError) {
    const name = nameError[1]!;
    const checked = checkEntryName(name);
    return refusal(bundlePath, checked.ok ? `the entry ${quoted(name)} has an unsafe path` : checked.error.message, name);
  }
  if (/End of central directory record signature not found/i.test(message)) {
    return refusal(bundlePath, 'it is not a Shotcanvas bundle (not a zip archive, or the file is cut short)');
  }
  return refusal(bundlePath, `it is not a valid Shotcanvas bundle (the zip archive is damaged: ${message.slice(0, 300)})`);
}
