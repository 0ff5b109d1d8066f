// Query-term highlighting as React elements (never HTML strings), and a short snippet around the first match.
import type { ReactNode } from "react";

export function termsOf(term: string): string[] {
  return [...new Set(term.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0))];
}

function pattern(terms: string[]): RegExp | null {
  if (terms.length === 0) return null;
  const escaped = terms.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(${escaped.join("|")})`, "giu");
}

/** `text` with each occurrence of a term wrapped in <mark>, case-insensitive. */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const re = pattern(terms);
  if (!re) return <>{text}</>;
  // split() with one capturing group alternates plain text (even) and matches (odd).
  const parts: ReactNode[] = text.split(re).map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-700/60">
        {part}
      </mark>
    ) : (
      part
    ),
  );
  return <>{parts}</>;
}

/** Up to `width` characters of `text` around its first term match (or its start). */
export function snippet(text: string, terms: string[], width = 160): string {
  const re = pattern(terms);
  const at = re ? text.search(re) : -1;
  if (text.length <= width) return text;
  const start = Math.max(0, (at < 0 ? 0 : at) - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
