"use client";
// A small toast (bottom right, role="status"): one message at a time, an optional action (Undo),
// gone after a few seconds or when dismissed.
import { useEffect } from "react";

export interface ToastState {
  id: number;
  message: string;
  tone?: "info" | "error";
  action?: { label: string; run: () => void };
}

export function Toast({ toast, onDone }: { toast: ToastState | null; onDone: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(onDone, toast.action ? 10_000 : 5_000);
    return () => clearTimeout(t);
  }, [toast, onDone]);
  if (!toast) return null;
  const tone =
    toast.tone === "error"
      ? "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      : "border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
  return (
    <div role="status" aria-live="polite" className={`fixed right-4 bottom-4 z-50 flex max-w-md items-center gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${tone}`}>
      <span>{toast.message}</span>
      {toast.action ? (
        <button
          type="button"
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
          onClick={() => {
            toast.action!.run();
            onDone();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" className="ml-auto text-zinc-500 hover:text-zinc-800" onClick={onDone}>
        ×
      </button>
    </div>
  );
}
