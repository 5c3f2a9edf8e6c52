/**
 * The one papaparse function shared/ uses, typed here instead of through @types/papaparse: those
 * types pull in Node's (`/// <reference types="node" />`), which shared/ must not see.
 */
declare module 'papaparse' {
  export interface UnparseConfig {
    /** Prefix cells that start with = + - @ so a spreadsheet shows them as text, not formulas. */
    escapeFormulae?: boolean | RegExp;
    newline?: string;
    quotes?: boolean | boolean[];
    header?: boolean;
  }
  export function unparse(data: ReadonlyArray<ReadonlyArray<string | number | null>>, config?: UnparseConfig): string;
  const Papa: { unparse: typeof unparse };
  export default Papa;
}
