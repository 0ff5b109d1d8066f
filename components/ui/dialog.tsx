"use client";
// A modal dialog (role dialog or alertdialog) rendered only while open, so whatever it shows — a
// shown-once secret, say — leaves the DOM when it closes. Escape asks the owner to cancel; the owner
// decides (the shown-once step turns Escape into "are you sure?").
import { useEffect, useId, useRef, type ReactNode } from "react";

export function Dialog({
  title,
  description,
  alert = false,
  onCancel,
  children,
}: {
  title: string;
  description?: ReactNode;
  /** role="alertdialog": for destructive, irreversible confirmations. */
  alert?: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // React's autoFocus may already have focused something inside; otherwise take the first control.
    if (!ref.current?.contains(document.activeElement)) {
      ref.current?.querySelector<HTMLElement>("input, button, [href], textarea, select")?.focus();
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        cancel.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/40 p-4 md:pt-24">
      <div
        ref={ref}
        role={alert ? "alertdialog" : "dialog"}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-desc` : undefined}
        className="w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-6 shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? (
          <div id={`${id}-desc`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {description}
          </div>
        ) : null}
        <div className="mt-4">{children}</div>
      </div>
    </div>
  );
}
