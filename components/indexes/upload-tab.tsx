"use client";
// Snapshot upload in two visible phases: bytes sent %, then "validating & queuing" until the answer.
import Link from "next/link";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { detailCounts } from "@/components/tasks/format";
import { useUploadSnapshotMutation } from "./queries";
import { UploadErrors } from "./upload-errors";
import { contentTypeFor, type UploadOutcome } from "./upload-xhr";

type Phase = { name: "idle" } | { name: "sending"; pct: number } | { name: "processing" } | { name: "done"; outcome: UploadOutcome };

export function UploadTab({ indexId }: { indexId: string }) {
  const upload = useUploadSnapshotMutation(indexId);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const busy = phase.name === "sending" || phase.name === "processing";

  async function start() {
    if (!file) return;
    setPhase({ name: "sending", pct: 0 });
    const outcome = await upload.mutateAsync({
      file,
      onProgress: (pct) => setPhase({ name: "sending", pct }),
      onSent: () => setPhase({ name: "processing" }),
    });
    setPhase({ name: "done", outcome });
  }

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <label htmlFor="upload-file" className="block text-sm font-medium">
          Documents file (JSON array or NDJSON)
        </label>
        <input
          id="upload-file"
          ref={input}
          type="file"
          accept=".json,.ndjson,.jsonl,application/json,application/x-ndjson"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPhase({ name: "idle" });
          }}
          className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 dark:file:bg-zinc-800"
        />
        <p className="text-xs text-zinc-500">
          Mode: <strong>Snapshot (replace all)</strong> — at the next deploy, the index holds exactly these documents. Every document needs an{" "}
          <span className="font-mono">id</span>.
          {file ? ` ${file.name}, ${(file.size / 1024).toFixed(1)} KiB, sent as ${contentTypeFor(file)}.` : ""}
        </p>
      </div>
      <div className="flex items-center gap-3">
        <Button onClick={start} disabled={!file || busy} aria-describedby={!file ? "upload-reason" : undefined} title={!file ? "Choose a file first" : undefined}>
          {busy ? "Uploading…" : "Upload snapshot"}
        </Button>
        {!file ? (
          <span id="upload-reason" className="text-xs text-zinc-500">
            Choose a file first.
          </span>
        ) : null}
      </div>
      {phase.name === "sending" ? (
        <div className="space-y-1" aria-live="polite">
          <p className="text-sm">Uploading… {Math.round(phase.pct)}% sent</p>
          <ProgressBar value={phase.pct} label="Upload progress" />
        </div>
      ) : null}
      {phase.name === "processing" ? (
        <div className="space-y-1" aria-live="polite">
          <p className="text-sm">Validating &amp; queuing…</p>
          <ProgressBar value={null} label="Validating and queuing" />
        </div>
      ) : null}
      {phase.name === "done" && phase.outcome.ok ? (
        <Alert tone="info">
          <p>
            Snapshot accepted:{" "}
            {detailCounts(phase.outcome.task.details)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ") || "queued"}
            .{" "}
            <Link href={`/tasks?task=${phase.outcome.taskUid}`} className="font-medium underline">
              Task #{phase.outcome.taskUid}
            </Link>
            . Deploy to make it live.
          </p>
        </Alert>
      ) : null}
      {phase.name === "done" && !phase.outcome.ok ? <UploadErrors outcome={phase.outcome} fileName={file?.name ?? "upload"} /> : null}
    </div>
  );
}
