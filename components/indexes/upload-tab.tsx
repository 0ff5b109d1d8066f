"use client";
// Upload in two visible phases: bytes sent %, then "validating & queuing" until the answer. Two modes,
// chosen explicitly with their consequence spelled out: add or update (notify, the default) and replace
// all (snapshot).
import Link from "next/link";
import { useRef, useState } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useUploadMutation, type UploadMode } from "./queries";
import { UploadErrors } from "./upload-errors";
import { contentTypeFor, countDocuments, type UploadOutcome } from "./upload-xhr";

type Phase = { name: "idle" } | { name: "sending"; pct: number } | { name: "processing" } | { name: "done"; outcome: UploadOutcome; mode: UploadMode };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "2,000 documents received (JSON) to replace the index." */
function snapshotSentence(details: Record<string, unknown>): string {
  const n = Number(details.receivedDocuments);
  const format = typeof details.format === "string" ? ` (${details.format.toUpperCase()})` : "";
  return Number.isFinite(n) ? `${plural(n, "document")} received${format} to replace the index.` : "queued to replace the index.";
}

export function UploadTab({ index }: { index: IndexDto }) {
  const upload = useUploadMutation(index.id);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<UploadMode>("notify");
  const [count, setCount] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const busy = phase.name === "sending" || phase.name === "processing";
  const sent = phase.name === "done" && phase.outcome.ok ? phase.mode : null;

  const choose = (f: File | null) => {
    setFile(f);
    setCount(null);
    setPhase({ name: "idle" });
    // The count is for the consequence sentence; a later choice wins over a slow earlier count.
    if (f) void countDocuments(f).then((n) => input.current?.files?.[0] === f && setCount(n));
  };

  const live = index.documentCount;
  const these = count === null ? "the file's documents" : `these ${plural(count, "document")}`;
  const consequence =
    mode === "notify"
      ? `Adds or updates ${count === null ? "the file's documents" : plural(count, "document")} by id at the next deploy; ${live ? `the other live documents (of ${plural(live, "live document")}) stay` : "nothing is removed"}.`
      : live
        ? `Replaces all ${plural(live, "live document")}: at the next deploy the index holds exactly ${these}, and live documents missing from the file are removed.`
        : `At the next deploy the index holds exactly ${these}.`;

  async function start() {
    if (!file) return;
    setPhase({ name: "sending", pct: 0 });
    const outcome = await upload.mutateAsync({
      file,
      mode,
      onProgress: (pct) => setPhase({ name: "sending", pct }),
      onSent: () => setPhase({ name: "processing" }),
    });
    setPhase({ name: "done", outcome, mode });
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
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 dark:file:bg-zinc-800"
        />
        <p className="text-xs text-zinc-500">
          Every document needs an <span className="font-mono">id</span>.
          {file ? ` ${file.name}, ${(file.size / 1024).toFixed(1)} KiB${count === null ? "" : `, ${plural(count, "document")}`}, sent as ${mode === "snapshot" ? contentTypeFor(file) : "a notify request (application/json)"}.` : ""}
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Mode</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(
            [
              ["notify", "Add or update (notify)"],
              ["snapshot", "Replace all (snapshot)"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name="upload-mode" value={value} checked={mode === value} onChange={() => setMode(value)} disabled={busy} />
              {label}
            </label>
          ))}
        </div>
        <p className={`text-sm ${mode === "snapshot" && live ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`} data-testid="upload-consequence">
          {consequence}
        </p>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button onClick={start} disabled={!file || busy} aria-describedby={!file ? "upload-reason" : undefined} title={!file ? "Choose a file first" : undefined}>
          {busy ? "Uploading…" : mode === "snapshot" ? "Upload snapshot" : "Upload documents"}
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
      {phase.name === "done" && phase.outcome.ok && sent === "notify" ? (
        <Alert tone="info">
          <p>
            Accepted: {plural(Number(phase.outcome.task.details.upserts ?? 0), "document")} to add or update.{" "}
            <Link href={`/tasks?task=${phase.outcome.taskUid}`} className="font-medium underline">
              Task #{phase.outcome.taskUid}
            </Link>
            . Deploy to make them live.
          </p>
        </Alert>
      ) : null}
      {phase.name === "done" && phase.outcome.ok && sent === "snapshot" ? (
        <Alert tone="info">
          <p>
            Snapshot accepted: {snapshotSentence(phase.outcome.task.details)}{" "}
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
