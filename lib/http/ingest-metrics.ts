// Counts an accepted ingest request for /metrics: its documents (from the task's details) and the
// request body's bytes (Content-Length; a chunked NDJSON upload without one counts 0 bytes).
import type { Task } from "../db/schema";
import { recordIngest } from "../metrics";

export function countIngest(req: Request, kind: "notify" | "snapshot", { task, replayed }: { task: Task; replayed: boolean }): void {
  if (replayed) return;
  const documents = Number(task.details[kind === "notify" ? "receivedChanges" : "receivedDocuments"] ?? 0) || 0;
  recordIngest(task.indexUid, kind, documents, Number(req.headers.get("content-length")) || 0);
}
