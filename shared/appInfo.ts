/**
 * The app version written into project files. Kept in sync with package.json by a test; a
 * constant (not a package.json read) because bundles have no package.json path at run time.
 */
export const APP_VERSION = '0.1.0';
/** The oldest app version that can read the project format this build writes. */
export const MIN_READER_VERSION = '0.1.0';

/**
 * Compares dotted numeric versions ("0.10.2" > "0.9.9"); pre-release suffixes are ignored.
 * Returns a negative number, zero or a positive number, like a sort comparator.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) =>
    v
      .split('-')[0]!
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
