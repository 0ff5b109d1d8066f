// Request bodies by hook kind: the Dexie Cloud `changes` JSON, NDJSON for tasks, and the sample events
// the Testing tab sends (fixtures, so a receiver sees exactly the shape real deliveries have).
import type { HookKind } from "../db/schema/hooks";
import type { HookChange } from "./coalesce";
import { SAMPLE_OPERATIONAL } from "./operational";

export const CONTENT_TYPE = { changes: "application/json", tasks: "application/x-ndjson", operational: "application/json" } as const;

export function changesBody(changes: HookChange[]): string {
  return JSON.stringify({ changes });
}

export function tasksBody(tasks: Record<string, unknown>[]): string {
  return tasks.map((t) => JSON.stringify(t)).join("\n") + "\n";
}

export const SAMPLE_CHANGES: HookChange[] = [
  { type: "upsert", table: "movies", key: "sample-1", value: { id: "sample-1", title: "Alien", year: 1979 } },
  { type: "update", table: "movies", key: "sample-2", updates: { year: 1986, "meta.rating": 8.4 } },
  { type: "delete", table: "movies", key: "sample-3" },
];

export function sampleTask(): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    uid: 0,
    batchUid: null,
    indexUid: "movies",
    status: "succeeded",
    type: "deploy",
    canceledBy: null,
    details: { upserted: 1, updated: 1, removed: 1, total: 2, test: true },
    error: null,
    duration: "PT0.042S",
    enqueuedAt: now,
    startedAt: now,
    finishedAt: now,
  };
}

export function sampleBody(kind: HookKind): string {
  if (kind === "operational") return JSON.stringify({ ...SAMPLE_OPERATIONAL, at: new Date().toISOString() });
  return kind === "changes" ? changesBody(SAMPLE_CHANGES) : tasksBody([sampleTask()]);
}
