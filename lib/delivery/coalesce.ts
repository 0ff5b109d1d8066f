// Pure batching for `changes` hooks: the hook's filters, then per-key coalescing (last state wins) under
// the batch caps. Kept free of I/O so the folding rules are unit-tested on their own.
import type { Change, ChangeEventRow } from "../db/schema/deployments";
import type { HookFilters } from "../db/schema/hooks";

/** The columns of a change_events row that delivery reads. */
export type ChangeRow = Pick<ChangeEventRow, "id" | "indexId" | "type" | "key" | "value" | "updates">;

/** A change as a `changes` hook carries it: the shared Change, with its index as `table` (Dexie's shape). */
export type HookChange = Change & { table: string };

export const MAX_BATCH_CHANGES = 1000;
export const MAX_BATCH_BYTES = 1024 * 1024;

const listed = <T>(rule: "all" | T[], v: T) => rule === "all" || rule.includes(v);

/** An update only matters to a property filter when it touches a listed path (or one inside/around it). */
function touchesProperty(props: string[], updates: Record<string, unknown>): boolean {
  return Object.keys(updates).some((path) => props.some((p) => path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`)));
}

export function passesFilters(f: HookFilters, e: Pick<ChangeRow, "indexId" | "type" | "updates">): boolean {
  if (!listed(f.indexes, e.indexId) || !listed(f.operations, e.type)) return false;
  if (e.type === "update" && f.properties !== "all") return touchesProperty(f.properties, e.updates ?? {});
  return true;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let at = doc;
  for (const p of parts.slice(0, -1)) {
    const next = at[p];
    at = at[p] = next && typeof next === "object" && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  }
  at[parts[parts.length - 1]] = value;
}

/** The state after `next` given the coalesced state so far (the receiver ends up in the same place). */
export function fold(prev: HookChange | undefined, next: HookChange): HookChange {
  if (!prev || next.type !== "update") return next;
  if (prev.type === "upsert") {
    const value = structuredClone(prev.value);
    for (const [path, v] of Object.entries(next.updates)) setPath(value, path, v);
    return { ...prev, value };
  }
  if (prev.type === "update") return { ...next, updates: { ...prev.updates, ...next.updates } };
  return next; // an update after a delete cannot come from a deploy diff; pass it on as it is
}

export function toChange(e: ChangeRow): HookChange {
  if (e.type === "upsert") return { type: "upsert", table: e.indexId, key: e.key, value: e.value ?? {} };
  if (e.type === "update") return { type: "update", table: e.indexId, key: e.key, updates: e.updates ?? {} };
  return { type: "delete", table: e.indexId, key: e.key };
}

/**
 * Accumulates events in log order. `add` returns false (and takes nothing) once the next event would
 * push the batch past its caps; the caller then stops and the rest goes into the next delivery.
 */
export class ChangeBatch {
  // Each change's JSON is kept: it sizes the batch and then becomes the body as it is (no second stringify).
  private byKey = new Map<string, { change: HookChange; json: string }>();
  private bytes = 0;
  lastId = 0;

  /** `cap`: most distinct keys per batch (the poll endpoint's `limit`; deliveries use MAX_BATCH_CHANGES). */
  constructor(
    private filters: HookFilters,
    private cap = MAX_BATCH_CHANGES,
  ) {}

  add(e: ChangeRow): boolean {
    if (!passesFilters(this.filters, e)) {
      this.lastId = e.id; // filtered out: consumed, nothing to send
      return true;
    }
    const k = `${e.indexId}\u0000${e.key}`;
    const prev = this.byKey.get(k);
    if (!prev && this.byKey.size >= this.cap) return false;
    const change = fold(prev?.change, toChange(e));
    const json = JSON.stringify(change);
    const total = this.bytes - (prev ? prev.json.length + 1 : 0) + json.length + 1;
    // A lone change over the cap still goes (alone), or the hook would be stuck forever.
    if (total > MAX_BATCH_BYTES && this.byKey.size > 0 && !(prev && this.byKey.size === 1)) return false;
    this.byKey.set(k, { change, json }); // Map.set on an existing key keeps its first-appearance slot
    this.bytes = total;
    this.lastId = e.id;
    return true;
  }

  get size(): number {
    return this.byKey.size;
  }

  changes(): HookChange[] {
    return [...this.byKey.values()].map((v) => v.change);
  }

  /** The `changes` request body: byte for byte `changesBody(this.changes())`, from the JSON already made. */
  body(): string {
    let out = "";
    for (const v of this.byKey.values()) out += (out ? "," : "") + v.json;
    return `{"changes":[${out}]}`;
  }
}
