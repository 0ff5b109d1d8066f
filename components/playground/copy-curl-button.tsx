"use client";
// "Copy as cURL": the same search as a curl command with a placeholder search key (the dashboard's own
// session never leaves the browser). Shows "Copied" for a moment, or the command when the clipboard is refused.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

export function curlCommand(origin: string, indexId: string, body: Record<string, unknown>): string {
  const json = JSON.stringify(body).replace(/'/g, "'\\''");
  return [
    `curl -X POST ${origin}/api/v1/indexes/${encodeURIComponent(indexId)}/search`,
    `  -H 'Authorization: Bearer <YOUR_SEARCH_KEY>'`,
    `  -H 'Content-Type: application/json'`,
    `  -d '${json}'`,
  ].join(" \\\n");
}

export function CopyCurlButton({ indexId, body }: { indexId: string; body: Record<string, unknown> }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [text, setText] = useState("");
  useEffect(() => {
    if (state !== "copied") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    const cmd = curlCommand(window.location.origin, indexId, body);
    setText(cmd);
    try {
      await navigator.clipboard.writeText(cmd);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <div className="contents">
      <Button type="button" variant="secondary" onClick={copy} aria-live="polite">
        {state === "copied" ? "Copied" : "Copy as cURL"}
      </Button>
      {state === "failed" ? (
        <div className="basis-full space-y-1 text-xs">
          <p className="text-zinc-600 dark:text-zinc-400">The browser refused the clipboard; copy the command by hand:</p>
          <textarea readOnly aria-label="cURL command" value={text} rows={4} className="w-full rounded border border-zinc-300 p-2 font-mono dark:border-zinc-700 dark:bg-zinc-950" />
        </div>
      ) : null}
    </div>
  );
}
