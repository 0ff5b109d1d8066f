// Applies pending changes, in commit order, to the live documents and derives the change list of
// the deploy (Dexie's shape): upsert with the value, update with the changed key paths, delete.
import type { Change, ChangeOp } from "../db/schema";

export type Doc = Record<string, unknown>;
export interface PendingChange {
  op: ChangeOp;
  docId: string | null;
  doc: Doc | null;
}

const isPlainObject = (v: unknown): v is Doc => !!v && typeof v === "object" && !Array.isArray(v);

/** Merges `patch` into `base`: nested objects merge, everything else (arrays included) is replaced. */
export function deepMerge(base: Doc, patch: Doc): Doc {
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Doc, v) : v;
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The shallowest key paths whose values differ: { "meta.rating": 9, "title": "x" }; removed → null. */
export function changedPaths(before: Doc, after: Doc, prefix = "", out: Record<string, unknown> = {}) {
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[k], after[k]];
    if (isPlainObject(a) && isPlainObject(b)) changedPaths(a, b, `${prefix}${k}.`, out);
    else if (!deepEqual(a, b)) out[prefix + k] = b === undefined ? null : b;
  }
  return out;
}

/**
 * Counts against the live version: `upserted` documents that were not live (added), `updated` live
 * documents whose content changes (by an upsert or a partial update alike), `removed` live documents
 * that go; `unchanged` documents the changes named that end up identical (not a change).
 */
export interface Counts {
  upserted: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface Applied {
  docs: Map<string, Doc>;
  events: Change[];
  counts: Counts;
}

/** Pure: the documents after the changes, and what changed relative to `live`. */
export function applyChanges(live: Map<string, Doc>, changes: Iterable<PendingChange>): Applied {
  const docs = new Map(live);
  const touched = new Map<string, "upsert" | "update" | "delete">();
  for (const c of changes) {
    if (c.op === "snapshot") {
      for (const id of docs.keys()) if (!touched.has(id)) touched.set(id, "delete");
      docs.clear();
      continue;
    }
    const id = c.docId!;
    if (c.op === "upsert") {
      docs.set(id, c.doc!);
      touched.set(id, "upsert");
    } else if (c.op === "update") {
      const base = docs.get(id);
      if (!base) continue; // updating a missing document does nothing (as in Dexie)
      docs.set(id, deepMerge(base, c.doc!));
      // An update after an upsert folds into the upsert.
      if (touched.get(id) !== "upsert") touched.set(id, "update");
    } else {
      docs.delete(id);
      touched.set(id, "delete");
    }
  }
  return diff(live, docs, touched);
}

/** Change list between two document sets; `touched` says which ids the changes named (and how). */
export function diff(before: Map<string, Doc>, after: Map<string, Doc>, touched?: Map<string, string>): Applied {
  const events: Change[] = [];
  const counts: Counts = { upserted: 0, updated: 0, removed: 0, unchanged: 0 };
  const ids = touched ? touched.keys() : new Set([...before.keys(), ...after.keys()]).values();
  for (const key of ids) {
    const [old, neu] = [before.get(key), after.get(key)];
    if (!old && !neu) continue;
    if (!neu) {
      events.push({ type: "delete", key });
      counts.removed++;
    } else if (!old) {
      events.push({ type: "upsert", key, value: neu });
      counts.upserted++;
    } else if (!deepEqual(old, neu)) {
      // The change list keeps Dexie's shape (an upsert carries the whole value); the count says "changed".
      if (touched?.get(key) === "update") events.push({ type: "update", key, updates: changedPaths(old, neu) });
      else events.push({ type: "upsert", key, value: neu });
      counts.updated++;
    } else if (touched) {
      counts.unchanged++;
    }
  }
  return { docs: after, events, counts };
}
