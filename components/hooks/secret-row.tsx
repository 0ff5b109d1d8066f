"use client";
// One write-only credential: masked until the eye asks the server for it (an unrevealed value is not
// in the DOM at all), Copy fetches it on demand, and the caller supplies the change actions.
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

interface Props {
  label: string;
  /** What the masked value looks like, e.g. "whsec_••••••••". */
  mask: string;
  /** The value after a reveal or a change (the parent owns it so rotate can show the new one). */
  value: string | null;
  onValue: (v: string | null) => void;
  reveal: () => Promise<string>;
  children?: ReactNode;
}

export function SecretRow({ label, mask, value, onValue, reveal, children }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const slug = label.toLowerCase();
  const fetchValue = async () => {
    setError(null);
    try {
      return await reveal();
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  };
  const toggle = async () => onValue(value ? null : await fetchValue());
  const copy = async () => {
    const v = value ?? (await fetchValue());
    if (!v) return;
    await navigator.clipboard?.writeText(v).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</p>
      <div className="flex items-center gap-2">
        <code data-testid={`${slug}-value`} className="min-w-0 flex-1 truncate rounded bg-zinc-100 px-2 py-1.5 font-mono text-xs dark:bg-zinc-800">
          {value ?? mask}
        </code>
        <Button type="button" variant="ghost" aria-label={value ? `Hide ${slug}` : `Reveal ${slug}`} aria-pressed={!!value} onClick={toggle}>
          <EyeIcon off={!!value} />
        </Button>
        <Button type="button" variant="secondary" onClick={copy} aria-label={`Copy ${slug}`}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {children ? <div className="flex flex-wrap items-center gap-2">{children}</div> : null}
      {error ? <p className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}

/** Reveal/hide: an eye, struck through while the value is shown (SVG: emoji render as boxes without an emoji font). */
function EyeIcon({ off }: { off: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
      <path d="M1.5 10s3-6 8.5-6 8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6z" />
      <circle cx="10" cy="10" r="2.5" />
      {off ? <path d="M3 3l14 14" /> : null}
    </svg>
  );
}
