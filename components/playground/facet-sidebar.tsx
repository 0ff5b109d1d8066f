"use client";
// Facet counts for every facetable property, most frequent value first (ties by value); a value toggles a
// filter. Active filters show as removable chips.
import type { Filter, FacetType } from "./schema-paths";

interface Props {
  props: { path: string; type: FacetType }[];
  facets?: Record<string, { count: number; values: Record<string, number> }>;
  filters: Filter[];
  onToggle: (f: Filter) => void;
}

const same = (a: Filter, b: Filter) => a.path === b.path && a.value === b.value;

/** Facet values with a count, by count (descending), then by value ("2" before "10"). */
export function byCount(values: Record<string, number>): [string, number][] {
  return Object.entries(values)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, undefined, { numeric: true }));
}

export function FilterChips({ filters, onToggle }: { filters: Filter[]; onToggle: (f: Filter) => void }) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-2">
      {filters.map((f) => (
        <li key={`${f.path}=${f.value}`}>
          <button
            type="button"
            onClick={() => onToggle(f)}
            aria-label={`Remove filter ${f.path}: ${f.value}`}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-100 px-2.5 py-0.5 text-xs text-indigo-800 hover:bg-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:hover:bg-indigo-900"
          >
            <span className="font-mono">{f.path}</span>: {f.value} <span aria-hidden>✕</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function FacetSidebar({ props, facets, filters, onToggle }: Props) {
  if (props.length === 0) {
    return <p className="text-xs text-zinc-500">No facetable properties: facets need enum, boolean, enum[] or string[] properties in the schema.</p>;
  }
  return (
    <nav aria-label="Facets" className="space-y-4">
      {props.map((p) => {
        const values = byCount(facets?.[p.path]?.values ?? {});
        return (
          <section key={p.path} aria-label={`Facet ${p.path}`}>
            <h3 className="mb-1 font-mono text-xs font-semibold text-zinc-600 dark:text-zinc-400">{p.path}</h3>
            {values.length === 0 ? <p className="text-xs text-zinc-500">No values in these results.</p> : null}
            <ul className="space-y-0.5">
              {values.map(([value, n]) => {
                const f: Filter = { path: p.path, type: p.type, value };
                const active = filters.some((x) => same(x, f));
                return (
                  <li key={value}>
                    <button
                      type="button"
                      aria-pressed={active}
                      onClick={() => onToggle(f)}
                      className={`flex w-full items-center justify-between gap-2 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${active ? "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : ""}`}
                    >
                      <span className="truncate">{value === "" ? "(empty)" : value}</span>
                      <span className="tabular-nums text-xs text-zinc-500">{n}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

export function toggleFilter(filters: Filter[], f: Filter): Filter[] {
  return filters.some((x) => same(x, f)) ? filters.filter((x) => !same(x, f)) : [...filters, f];
}
