import { describe, expect, it } from "vitest";
import { buildArtifact } from "./build-artifact";
import { decodeArtifact } from "./artifact";
import { runSearch } from "./run-search";
import { searchParams } from "../../contracts/search";

describe("numeric indexes built from documents in key order", () => {
  it("stay shallow enough to store, load and filter (Orama's AVL rebalances once per batch)", async () => {
    // Ids sorted as text insert n = 0, 1, 10, 100, 1000, 10000, 10001 …: a degenerate tree in plain Orama.
    const docs = Array.from({ length: 15_000 }, (_, i) => ({ n: i, id: `doc-${i}`, title: `doc number ${i}` })).sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    const artifact = await buildArtifact({ title: "string", n: "number" }, docs);
    const db = decodeArtifact(artifact);
    const r = runSearch(db, searchParams.parse({ term: "", where: { n: { between: [100, 199] } }, limit: 1000 }));
    expect(r.count).toBe(100);
    const root = (db.data.index as unknown as { indexes: { n: { node: { root: { h: number } } } } }).indexes.n.node.root;
    expect(root.h).toBeLessThanOrEqual(15);
  });
});
