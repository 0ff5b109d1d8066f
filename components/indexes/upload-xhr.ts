// Uploads a file with XMLHttpRequest so the bytes sent can be shown (fetch has no upload progress).
import type { TaskDto } from "@/lib/contracts/tasks";

export interface IngestIssue {
  at?: string;
  path?: string;
  expected?: string;
  got?: string;
  /** The value itself as short JSON (`"abc"`). */
  value?: string;
  message?: string;
}

export type UploadOutcome =
  | { ok: true; taskUid: number; task: TaskDto }
  | { ok: false; status: number; code: string; message: string; issues: IngestIssue[] };

export function contentTypeFor(file: File): string {
  return /\.(ndjson|jsonl)$/i.test(file.name) || file.type === "application/x-ndjson" ? "application/x-ndjson" : "application/json";
}

/**
 * The body of an add/update (notify) upload: the file's documents as `{ "upsert": [...] }`. A JSON array is
 * wrapped as it is (not parsed here: the server reports bad items); NDJSON lines become the array's items.
 */
export async function notifyBody(file: File): Promise<Blob> {
  if (contentTypeFor(file) === "application/json") return new Blob(['{"upsert":', file, "}"], { type: "application/json" });
  const lines = (await file.text()).split(/\r?\n/).filter((l) => l.trim() !== "");
  return new Blob(['{"upsert":[', lines.join(","), "]}"], { type: "application/json" });
}

/** How many documents a file holds (a JSON array's items, or NDJSON's non-empty lines); null when unreadable or large. */
export async function countDocuments(file: File, maxBytes = 20 * 1024 * 1024): Promise<number | null> {
  if (file.size > maxBytes) return null;
  const text = await file.text();
  if (contentTypeFor(file) === "application/x-ndjson") return text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.length : null;
  } catch {
    return null;
  }
}

export function uploadFile(
  url: string,
  file: Blob,
  handlers: { onProgress: (pct: number) => void; onSent: () => void },
  contentType = file instanceof File ? contentTypeFor(file) : "application/json",
): { promise: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadOutcome>((resolve) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", contentType);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      if (e.loaded >= e.total) handlers.onSent();
      else handlers.onProgress((e.loaded / e.total) * 100);
    };
    xhr.upload.onload = () => handlers.onSent();
    xhr.onerror = () => resolve({ ok: false, status: 0, code: "unreachable", message: "The server is unreachable.", issues: [] });
    xhr.onabort = () => resolve({ ok: false, status: 0, code: "aborted", message: "Upload canceled.", issues: [] });
    xhr.onload = () => {
      let body: { taskUid?: number; task?: TaskDto; error?: { code: string; message: string; details?: unknown } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.task) return resolve({ ok: true, taskUid: body.taskUid ?? body.task.uid, task: body.task });
      const err = body?.error;
      resolve({
        ok: false,
        status: xhr.status,
        code: err?.code ?? "http_error",
        message: err?.message ?? `Upload failed (HTTP ${xhr.status}).`,
        issues: Array.isArray(err?.details) ? (err.details as IngestIssue[]) : [],
      });
    };
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}

export function downloadJson(filename: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
