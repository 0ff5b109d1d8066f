"use client";
// The hook's transformation: a monospace editor for `function handler(webhook)`, an optional sample
// payload, and "Test transformation", which runs it on the server's sandbox (nothing is sent) and shows
// the request that would go out, the cancel, or the error with its line.
import { useState } from "react";
import type { TestTransformationResult } from "@/lib/contracts/transformations";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputBase } from "@/components/ui/select";
import { useTestTransformationMutation } from "./queries";

export const TRANSFORMATION_EXAMPLE = `function handler(webhook) {
  // webhook = { method, url, headers, payload }; return it changed,
  // or { cancel: true } to skip this delivery.
  webhook.payload = { text: webhook.payload.changes.length + " changes" };
  return webhook;
}`;

interface Props {
  value: string;
  onChange: (v: string) => void;
  kind: "changes" | "tasks" | "operational";
  url: string;
  headers: Record<string, string>;
  disabled?: boolean;
}

export function TransformationFields({ value, onChange, kind, url, headers, disabled }: Props) {
  const test = useTestTransformationMutation();
  const [sample, setSample] = useState("");
  const [sampleError, setSampleError] = useState<string | null>(null);

  const run = () => {
    setSampleError(null);
    let payload: unknown;
    if (sample.trim()) {
      try {
        payload = JSON.parse(sample);
      } catch {
        return setSampleError("The sample payload is not valid JSON.");
      }
    }
    test.mutate({ transformation: value, kind, url: url.trim() || undefined, headers, ...(payload === undefined ? {} : { payload }) });
  };

  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="mb-2 text-base font-semibold">Transformation</legend>
      <p className="text-xs text-zinc-500">
        Optional JavaScript run before each attempt, in a sandbox (no network, 100 ms, 16 MB). Leave empty to send events as they are.
      </p>
      <label htmlFor="hook-transformation" className="sr-only">Transformation source</label>
      <textarea
        id="hook-transformation"
        className={`${inputBase} h-48 w-full font-mono text-xs`}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder={TRANSFORMATION_EXAMPLE}
        value={value}
        onKeyDown={(e) => {
          // Tab indents instead of leaving the editor (Escape, then Tab, still moves focus on).
          if (e.key !== "Tab" || e.shiftKey) return;
          e.preventDefault();
          const t = e.currentTarget;
          const { selectionStart: a, selectionEnd: b } = t;
          onChange(value.slice(0, a) + "  " + value.slice(b));
          requestAnimationFrame(() => t.setSelectionRange(a + 2, a + 2));
        }}
        onChange={(e) => onChange(e.target.value)}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Sample payload (default: a sample {kind === "changes" ? "changes event" : kind === "tasks" ? "task list" : "operational event"})</summary>
        <label htmlFor="hook-transformation-sample" className="sr-only">Sample payload</label>
        <textarea
          id="hook-transformation-sample"
          className={`${inputBase} mt-2 h-28 w-full font-mono text-xs`}
          spellCheck={false}
          placeholder={kind === "changes" ? '{ "changes": [ … ] }' : kind === "tasks" ? "[ { task }, … ]" : '{ "type": "hook.failing", … }'}
          value={sample}
          onChange={(e) => setSample(e.target.value)}
        />
      </details>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={run} disabled={!value.trim() || test.isPending} title={value.trim() ? undefined : "Write a transformation first"}>
          {test.isPending ? "Testing…" : "Test transformation"}
        </Button>
        {!value.trim() ? <span className="text-xs text-zinc-500">Write a transformation to test it.</span> : null}
      </div>
      {sampleError ? <Alert>{sampleError}</Alert> : null}
      {test.error ? <Alert>{test.error.message}</Alert> : null}
      {test.data ? <TestOutcome result={test.data} /> : null}
    </fieldset>
  );
}

function TestOutcome({ result }: { result: TestTransformationResult }) {
  const pre = "max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900";
  return (
    <div className="space-y-2 text-sm" data-testid="transformation-result">
      {!result.ok && result.error ? (
        <Alert>
          Fails: {result.error.message}
          {result.error.line ? ` (line ${result.error.line}${result.error.column ? `, column ${result.error.column}` : ""})` : ""}. A delivery attempt would fail with this reason.
        </Alert>
      ) : result.cancel ? (
        <Alert tone="info">Cancelled: this delivery would be skipped (nothing sent).</Alert>
      ) : result.request ? (
        <>
          <p className="text-zinc-600 dark:text-zinc-400">
            Would send <span className="font-mono">{result.request.method}</span> to <span className="break-all font-mono">{result.request.url}</span> ({result.request.contentType}) in {result.durationMs} ms
          </p>
          {Object.keys(result.request.headers).length ? <pre className={pre} aria-label="Headers that would be sent">{Object.entries(result.request.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}</pre> : null}
          <pre className={pre} aria-label="Body that would be sent">{prettyBody(result.request.body, result.request.contentType)}</pre>
          {result.ignoredHeaders.length ? <p className="text-xs text-amber-700 dark:text-amber-400">Ignored (always set by Indexhook): {result.ignoredHeaders.join(", ")}</p> : null}
        </>
      ) : null}
    </div>
  );
}

function prettyBody(body: string, contentType: string): string {
  if (!contentType.includes("json") || contentType.includes("ndjson")) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
