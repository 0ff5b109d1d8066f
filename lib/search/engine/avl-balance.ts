// Orama's AVL tree (number and number[] properties) rebalances only once per `insertMultiple`
// batch, so documents arriving in key order leave a tree thousands of levels deep: range filters go
// linear and v8 (de)serialisation of the artifact overflows the stack. After a build we relink the
// same nodes into a perfectly balanced tree (in-order, iteratively; the rebuild recurses log n).
import type { AnyOrama } from "@orama/orama";

type AvlNode = { k: unknown; l: AvlNode | null; r: AvlNode | null; h: number };
type IndexEntry = { type: string; node: { root: AvlNode | null } };

function balanceTree(tree: { root: AvlNode | null }): void {
  const nodes: AvlNode[] = [];
  const stack: AvlNode[] = [];
  for (let cur = tree.root; cur || stack.length; ) {
    while (cur) {
      stack.push(cur);
      cur = cur.l;
    }
    const n = stack.pop()!;
    nodes.push(n);
    cur = n.r;
  }
  const build = (lo: number, hi: number): AvlNode | null => {
    if (lo > hi) return null;
    const mid = (lo + hi) >> 1;
    const n = nodes[mid];
    n.l = build(lo, mid - 1);
    n.r = build(mid + 1, hi);
    n.h = Math.max(n.l?.h ?? 0, n.r?.h ?? 0) + 1;
    return n;
  };
  tree.root = build(0, nodes.length - 1);
}

/** Balances every AVL index of a built Orama instance in place. */
export function balanceAvlIndexes(db: AnyOrama): void {
  const indexes = (db.data.index as unknown as { indexes: Record<string, IndexEntry> }).indexes;
  for (const entry of Object.values(indexes)) if (entry.type === "AVL" && entry.node?.root) balanceTree(entry.node);
}
