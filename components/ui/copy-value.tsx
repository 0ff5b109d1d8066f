"use client";
// A value shown once (a new key, an invite link) with a Copy button; when the browser blocks the
// clipboard, it says to copy by hand.
import { useState } from "react";
import { Button } from "./button";

/** `multiline` keeps the value's line breaks (a curl command) and wraps long lines instead of cutting them. */
export function CopyValue({ value, label, noun, small = false, multiline = false }: { value: string; label: string; noun: string; small?: boolean; multiline?: boolean }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <>
      <div className={`flex gap-2 ${multiline ? "items-start" : "items-center"}`}>
        <code aria-label={label} className={`min-w-0 flex-1 break-all rounded-md bg-zinc-100 px-3 py-2 font-mono ${small ? "text-xs" : "text-sm"} ${multiline ? "whitespace-pre-wrap" : ""} dark:bg-zinc-800`}>
          {value}
        </code>
        <Button variant="secondary" onClick={copy} aria-label={copied === "copied" ? "Copied" : `Copy ${noun}`}>
          {copied === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "failed" ? <p className="text-xs text-red-600">Copying is blocked here: select the {noun} and copy it by hand.</p> : null}
    </>
  );
}
