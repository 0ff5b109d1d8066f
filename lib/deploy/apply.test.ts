import { describe, expect, it } from "vitest";
import { applyChanges, changedPaths, deepMerge, diff, type Doc } from "./apply";

const live = (...docs: Doc[]) => new Map(docs.map((d) => [String(d.id), d]));

describe("applyChanges", () => {
  it("applies upserts, partial updates (deep merge) and removes in order", () => {
    const r = applyChanges(live({ id: "1", title: "a", meta: { r: 1, s: 2 } }, { id: "2", title: "b" }), [
      { op: "update", docId: "1", doc: { id: "1", meta: { r: 5 } } },
      { op: "upsert", docId: "3", doc: { id: "3", title: "c" } },
      { op: "remove", docId: "2", doc: null },
      { op: "update", docId: "404", doc: { id: "404", title: "ignored" } },
    ]);
    expect([...r.docs.values()]).toEqual([{ id: "1", title: "a", meta: { r: 5, s: 2 } }, { id: "3", title: "c" }]);
    expect(r.events).toEqual([
      { type: "update", key: "1", updates: { "meta.r": 5 } },
      { type: "upsert", key: "3", value: { id: "3", title: "c" } },
      { type: "delete", key: "2" },
    ]);
    expect(r.counts).toEqual({ upserted: 1, updated: 1, removed: 1, unchanged: 0 });
  });

  it("a snapshot clears what came before; unchanged documents produce no event", () => {
    const r = applyChanges(live({ id: "1", t: "same" }, { id: "2", t: "gone" }), [
      { op: "upsert", docId: "9", doc: { id: "9" } },
      { op: "snapshot", docId: null, doc: null },
      { op: "upsert", docId: "1", doc: { id: "1", t: "same" } },
      { op: "upsert", docId: "3", doc: { id: "3" } },
    ]);
    expect([...r.docs.keys()]).toEqual(["1", "3"]);
    expect(r.events).toEqual([{ type: "delete", key: "2" }, { type: "upsert", key: "3", value: { id: "3" } }]);
    expect(r.counts).toEqual({ upserted: 1, updated: 0, removed: 1, unchanged: 1 });
  });

  it("an upsert that replaces a live document with new content counts as changed, not added", () => {
    const r = applyChanges(live({ id: "1", t: "old" }), [
      { op: "upsert", docId: "1", doc: { id: "1", t: "new" } },
      { op: "upsert", docId: "2", doc: { id: "2" } },
    ]);
    expect(r.events).toEqual([{ type: "upsert", key: "1", value: { id: "1", t: "new" } }, { type: "upsert", key: "2", value: { id: "2" } }]);
    expect(r.counts).toEqual({ upserted: 1, updated: 1, removed: 0, unchanged: 0 });
  });

  it("an update after an upsert folds into the upsert; upsert then remove of a new id is nothing", () => {
    const r = applyChanges(live(), [
      { op: "upsert", docId: "1", doc: { id: "1", a: 1 } },
      { op: "update", docId: "1", doc: { id: "1", b: 2 } },
      { op: "upsert", docId: "2", doc: { id: "2" } },
      { op: "remove", docId: "2", doc: null },
    ]);
    expect(r.events).toEqual([{ type: "upsert", key: "1", value: { id: "1", a: 1, b: 2 } }]);
  });
});

describe("helpers", () => {
  it("deepMerge replaces arrays and scalars, merges objects", () => {
    expect(deepMerge({ a: [1, 2], o: { x: 1 } }, { a: [3], o: { y: 2 } })).toEqual({ a: [3], o: { x: 1, y: 2 } });
  });
  it("changedPaths gives the shallowest differing key paths, removed as null", () => {
    expect(changedPaths({ a: 1, o: { x: 1, y: 1 }, gone: 1 }, { a: 1, o: { x: 2, y: 1 }, n: [1] })).toEqual({ "o.x": 2, gone: null, n: [1] });
  });
  it("diff between two versions (rollback) reports upserts for changed and new documents", () => {
    const r = diff(live({ id: "1", v: 2 }, { id: "2" }), live({ id: "1", v: 1 }, { id: "3" }));
    expect(r.events).toEqual([{ type: "upsert", key: "1", value: { id: "1", v: 1 } }, { type: "delete", key: "2" }, { type: "upsert", key: "3", value: { id: "3" } }]);
    expect(r.counts).toMatchObject({ upserted: 1, updated: 1, removed: 1 });
  });
});
