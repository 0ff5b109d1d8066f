"use client";
// The playground's state lives in the URL (`q`, `mode`, `limit`, `f` = active filters), and the search
// it implies runs through useSearch (queries.ts).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { z } from "zod";
import type { Filter, FacetType } from "./schema-paths";

export type Mode = "fulltext" | "vector" | "hybrid";
export const LIMITS = [5, 10, 20, 50] as const;

const filtersSchema = z.array(z.object({ path: z.string(), type: z.string(), value: z.string() }));

function parseFilters(raw: string | null): Filter[] {
  try {
    const parsed = filtersSchema.safeParse(JSON.parse(raw ?? "[]"));
    return parsed.success ? parsed.data.map((f) => ({ ...f, type: f.type as FacetType })) : [];
  } catch {
    return [];
  }
}

export function usePlaygroundUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const modeParam = params.get("mode");
  const limitParam = Number(params.get("limit"));
  const state = {
    term: params.get("q") ?? "",
    mode: (modeParam === "vector" || modeParam === "hybrid" ? modeParam : "fulltext") as Mode,
    limit: (LIMITS as readonly number[]).includes(limitParam) ? limitParam : 10,
    filters: parseFilters(params.get("f")),
  };
  /** Sets several parameters in one navigation; defaults are left out of the URL. */
  const update = (patch: Partial<typeof state>) => {
    const next = { ...state, ...patch };
    const qs = new URLSearchParams(params.toString());
    const put = (k: string, v: string, dflt: string) => (v === dflt ? qs.delete(k) : qs.set(k, v));
    put("q", next.term, "");
    put("mode", next.mode, "fulltext");
    put("limit", String(next.limit), "10");
    put("f", next.filters.length ? JSON.stringify(next.filters) : "", "");
    router.replace(`${pathname}?${qs.toString()}`, { scroll: false });
  };
  return { ...state, update };
}
