"use client";
// Number ranges for the playground: a Min / Max pair per number property, applied as Orama's `between`
// (both ends), `gte` or `lte`; active ranges show as removable chips.
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/select";
import type { Range } from "./schema-paths";

const num = (s: string): number | null => (s.trim() === "" || !Number.isFinite(Number(s)) ? null : Number(s));
const text = (r: Range) => (r[0] !== null && r[1] !== null ? `${r[0]} – ${r[1]}` : r[0] !== null ? `≥ ${r[0]}` : `≤ ${r[1]}`);

function RangeForm({ path, range, onApply }: { path: string; range?: Range; onApply: (r: Range | null) => void }) {
  const [min, setMin] = useState(range?.[0]?.toString() ?? "");
  const [max, setMax] = useState(range?.[1]?.toString() ?? "");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [lo, hi] = [num(min), num(max)];
    if ((min.trim() !== "" && lo === null) || (max.trim() !== "" && hi === null)) return setError("Enter numbers.");
    if (lo !== null && hi !== null && lo > hi) return setError("Min is above max.");
    setError(null);
    onApply(lo === null && hi === null ? null : [lo, hi]);
  };
  return (
    <form onSubmit={submit} aria-label={`Range ${path}`} className="space-y-1">
      <h3 className="font-mono text-xs font-semibold text-zinc-600 dark:text-zinc-400">{path}</h3>
      <div className="flex items-center gap-1">
        <input aria-label={`${path} min`} inputMode="decimal" placeholder="Min" className={`${inputClass} min-w-0`} value={min} onChange={(e) => setMin(e.target.value)} />
        <span aria-hidden className="text-zinc-400">–</span>
        <input aria-label={`${path} max`} inputMode="decimal" placeholder="Max" className={`${inputClass} min-w-0`} value={max} onChange={(e) => setMax(e.target.value)} />
        <Button type="submit" variant="secondary" className="px-2 py-1.5">
          Apply<span className="sr-only"> range on {path}</span>
        </Button>
      </div>
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
    </form>
  );
}

export function RangeFilters({ paths, ranges, onChange }: { paths: string[]; ranges: Record<string, Range>; onChange: (r: Record<string, Range>) => void }) {
  if (paths.length === 0) return null;
  const set = (path: string, r: Range | null) => {
    const next = { ...ranges };
    if (r) next[path] = r;
    else delete next[path];
    onChange(next);
  };
  return (
    <section aria-label="Number ranges" className="space-y-3">
      <p className="text-xs text-zinc-500">Number ranges (either end may stay empty)</p>
      {paths.map((p) => (
        // Keyed by the applied range, so removing its chip empties the inputs.
        <RangeForm key={`${p}:${JSON.stringify(ranges[p] ?? null)}`} path={p} range={ranges[p]} onApply={(r) => set(p, r)} />
      ))}
    </section>
  );
}

export function RangeChips({ ranges, onChange }: { ranges: Record<string, Range>; onChange: (r: Record<string, Range>) => void }) {
  const entries = Object.entries(ranges);
  if (entries.length === 0) return null;
  return (
    <ul aria-label="Active ranges" className="flex flex-wrap gap-2">
      {entries.map(([path, r]) => (
        <li key={path}>
          <button
            type="button"
            onClick={() => onChange(Object.fromEntries(entries.filter(([p]) => p !== path)))}
            aria-label={`Remove range ${path}: ${text(r)}`}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-100 px-2.5 py-0.5 text-xs text-indigo-800 hover:bg-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900"
          >
            <span className="font-mono">{path}</span>: {text(r)} <span aria-hidden>✕</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
