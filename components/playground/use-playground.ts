"use client";
// The playground's state lives in the URL (`q`, `mode`, `limit`, `hpage` = page of hits
// (not `page`: the Documents tab has its own), `tol` = typo tolerance, `f` = active
// facet filters, `r` = number ranges), and the search it implies runs through useSearch (queries.ts).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { z } from "zod";
import type { Filter, FacetType, Range } from "./schema-paths";

export type Mode = "fulltext" | "vector" | "hybrid";
export const LIMITS = [5, 10, 20, 50] as const;
/** Typo tolerance the playground offers (Orama's Levenshtein distance per word; the API takes up to 3). */
export const TOLERANCES = [0, 1, 2] as const;

const filtersSchema = z.array(z.object({ path: z.string(), type: z.string(), value: z.string() }));
const rangesSchema = z.record(z.string(), z.tuple([z.number().nullable(), z.number().nullable()]));

function parseJson<T>(raw: string | null, schema: z.ZodType<T>, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? "null"));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export interface PlaygroundState {
  term: string;
  mode: Mode;
  limit: number;
  page: number;
  tolerance: number;
  filters: Filter[];
  ranges: Record<string, Range>;
}

export function usePlaygroundUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const modeParam = params.get("mode");
  const limitParam = Number(params.get("limit"));
  const tolParam = Number(params.get("tol"));
  const state: PlaygroundState = {
    term: params.get("q") ?? "",
    mode: (modeParam === "vector" || modeParam === "hybrid" ? modeParam : "fulltext") as Mode,
    limit: (LIMITS as readonly number[]).includes(limitParam) ? limitParam : 10,
    page: Math.max(1, Math.floor(Number(params.get("hpage")) || 1)),
    tolerance: (TOLERANCES as readonly number[]).includes(tolParam) ? tolParam : 0,
    filters: parseJson(params.get("f"), filtersSchema, []).map((f) => ({ ...f, type: f.type as FacetType })),
    ranges: parseJson(params.get("r"), rangesSchema, {}),
  };
  /** Sets several parameters in one navigation; defaults are left out of the URL. A new query starts at page 1. */
  const update = (patch: Partial<PlaygroundState>) => {
    const next = { ...state, page: 1, ...patch };
    const qs = new URLSearchParams(params.toString());
    const put = (k: string, v: string, dflt: string) => (v === dflt ? qs.delete(k) : qs.set(k, v));
    put("q", next.term, "");
    put("mode", next.mode, "fulltext");
    put("limit", String(next.limit), "10");
    put("hpage", String(next.page), "1");
    put("tol", String(next.tolerance), "0");
    put("f", next.filters.length ? JSON.stringify(next.filters) : "", "");
    put("r", Object.keys(next.ranges).length ? JSON.stringify(next.ranges) : "", "");
    router.replace(`${pathname}?${qs.toString()}`, { scroll: false });
  };
  return { ...state, update };
}
