import type { TakeRecord } from '../../../shared/model/take.ts';
import type { LineageNode } from '../../../shared/takes/takeFactory.ts';

/**
 * One row of the take list drawn as a tree. `guides[i]` says whether the ancestor column i (0 =
 * the root's column) continues below this row (a vertical line), `last` whether this row is the
 * last child of its parent (└ rather than ├).
 */
export interface LineageRow {
  readonly take: TakeRecord;
  readonly depth: number;
  readonly last: boolean;
  readonly guides: readonly boolean[];
}

/** Depth-first rows of a lineage forest (lineageTree()), parents before their forks. */
export function lineageRows(roots: readonly LineageNode[]): LineageRow[] {
  const rows: LineageRow[] = [];
  const walk = (node: LineageNode, depth: number, last: boolean, guides: readonly boolean[]) => {
    rows.push({ take: node.take, depth, last, guides });
    const next = depth === 0 ? [] : [...guides, !last];
    node.children.forEach((child, i) => walk(child, depth + 1, i === node.children.length - 1, next));
  };
  roots.forEach((root, i) => walk(root, 0, i === roots.length - 1, []));
  return rows;
}
