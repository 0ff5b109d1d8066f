// The folding rules and caps of a changes batch, without a database.
import { describe, expect, it } from "vitest";
import { ChangeBatch, MAX_BATCH_CHANGES, passesFilters, type ChangeRow } from "./coalesce";
import type { HookFilters } from "../db/schema/hooks";
import { changesBody } from "./payloads";

const ALL: HookFilters = { indexes: "all", properties: "all", operations: "all" };
let id = 0;
const ev = (type: ChangeRow["type"], key: string, body: Record<string, unknown> | null = null, indexId = "movies"): ChangeRow => ({
  id: ++id,
  indexId,
  type,
  key,
  value: type === "upsert" ? body : null,
  updates: type === "update" ? body : null,
});

describe("coalescing", () => {
  it("keeps the last state per key in first-appearance order", () => {
    const b = new ChangeBatch(ALL);
    for (const e of [
      ev("upsert", "a", { id: "a", title: "A", meta: { r: 1 } }),
      ev("upsert", "b", { id: "b" }),
      ev("update", "a", { title: "A2", "meta.r": 2 }),
      ev("update", "c", { x: 1 }),
      ev("update", "c", { y: 2, x: 3 }),
      ev("delete", "b"),
      ev("upsert", "d", { id: "d" }),
      ev("delete", "d"),
      ev("upsert", "d", { id: "d", v: 2 }),
    ])
      b.add(e);
    expect(b.changes()).toEqual([
      { type: "upsert", table: "movies", key: "a", value: { id: "a", title: "A2", meta: { r: 2 } } },
      { type: "delete", table: "movies", key: "b" },
      { type: "update", table: "movies", key: "c", updates: { x: 3, y: 2 } },
      { type: "upsert", table: "movies", key: "d", value: { id: "d", v: 2 } },
    ]);
    expect(b.lastId).toBe(id);
    // The body is made from each change's JSON kept while batching: byte for byte the plain serialisation.
    expect(b.body()).toBe(changesBody(b.changes()));
    expect(JSON.parse(b.body())).toEqual({ changes: b.changes() });
  });

  it("makes an empty body and one with unicode exactly like changesBody", () => {
    expect(new ChangeBatch(ALL).body()).toBe(changesBody([]));
    const b = new ChangeBatch(ALL);
    b.add(ev("upsert", "ü", { t: "😀 \u2028 \"q\"" }));
    b.add(ev("update", "ü", { "a.b": null }));
    expect(b.body()).toBe(changesBody(b.changes()));
  });

  it("treats the same key in two indexes as two rows", () => {
    const b = new ChangeBatch(ALL);
    b.add(ev("upsert", "1", { id: "1" }, "x"));
    b.add(ev("delete", "1", null, "y"));
    expect(b.size).toBe(2);
  });

  it("stops at 1,000 keys but still folds known keys, and stops before 1 MB", () => {
    const b = new ChangeBatch(ALL);
    for (let i = 0; i < MAX_BATCH_CHANGES; i++) expect(b.add(ev("upsert", `k${i}`, { id: `k${i}` }))).toBe(true);
    expect(b.add(ev("update", "k1", { t: 1 }))).toBe(true);
    const stop = ev("upsert", "new", { id: "new" });
    expect(b.add(stop)).toBe(false);
    expect(b.lastId).toBe(stop.id - 1);

    const big = new ChangeBatch(ALL);
    const blob = "x".repeat(300_000);
    expect([1, 2, 3, 4].map((i) => big.add(ev("upsert", `b${i}`, { blob })))).toEqual([true, true, true, false]);
    const huge = new ChangeBatch(ALL);
    expect(huge.add(ev("upsert", "h", { blob: "y".repeat(2_000_000) }))).toBe(true); // alone, it still goes
  });
});

describe("filters", () => {
  const f = (p: Partial<HookFilters>): HookFilters => ({ ...ALL, ...p });
  it("indexes and operations", () => {
    expect(passesFilters(f({ indexes: ["a"] }), { indexId: "b", type: "upsert", updates: null })).toBe(false);
    expect(passesFilters(f({ operations: ["delete"] }), { indexId: "b", type: "upsert", updates: null })).toBe(false);
    expect(passesFilters(f({ operations: ["delete"], indexes: ["b"] }), { indexId: "b", type: "delete", updates: null })).toBe(true);
  });
  it("properties: an update passes when a changed path, or a path around it, is listed", () => {
    const props = f({ properties: ["title", "address"] });
    expect(passesFilters(props, { indexId: "i", type: "update", updates: { year: 1 } })).toBe(false);
    expect(passesFilters(props, { indexId: "i", type: "update", updates: { year: 1, title: "t" } })).toBe(true);
    expect(passesFilters(props, { indexId: "i", type: "update", updates: { "address.city": "x" } })).toBe(true);
    expect(passesFilters(f({ properties: ["address.city"] }), { indexId: "i", type: "update", updates: { address: null } })).toBe(true);
    expect(passesFilters(props, { indexId: "i", type: "upsert", updates: null })).toBe(true);
    expect(passesFilters(props, { indexId: "i", type: "delete", updates: null })).toBe(true);
  });
  it("a filtered-out event is consumed (cursor moves) but not sent", () => {
    const b = new ChangeBatch(f({ operations: ["delete"] }));
    const e = ev("upsert", "z", { id: "z" });
    expect(b.add(e)).toBe(true);
    expect(b.size).toBe(0);
    expect(b.lastId).toBe(e.id);
  });
});
