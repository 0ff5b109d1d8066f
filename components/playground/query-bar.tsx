"use client";
// The playground's query bar: term (submitted to the URL), mode, typo tolerance, limit, and Copy as cURL.
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select, inputClass } from "@/components/ui/select";
import { LIMITS, TOLERANCES, type Mode } from "./use-playground";

interface Props {
  term: string;
  mode: Mode;
  limit: number;
  tolerance: number;
  hasEmbeddings: boolean;
  onChange: (patch: { term?: string; mode?: Mode; limit?: number; tolerance?: number }) => void;
  children?: ReactNode;
}

export function QueryBar({ term, mode, limit, tolerance, hasEmbeddings, onChange, children }: Props) {
  const [draft, setDraft] = useState(term);
  const noVector = "Vector and hybrid search need automatic embeddings: turn them on in Settings.";
  return (
    <form
      role="search"
      aria-label="Search the live version"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ term: draft.trim() });
      }}
    >
      <label className="min-w-[12rem] flex-1 space-y-1 text-sm">
        <span className="font-medium">Search term</span>
        <input type="search" className={inputClass} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Empty = every document" />
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">Mode</span>
        <Select
          className="w-36"
          value={mode}
          onChange={(e) => onChange({ mode: e.target.value as Mode })}
          aria-describedby={hasEmbeddings ? undefined : "mode-reason"}
          title={hasEmbeddings ? undefined : noVector}
        >
          <option value="fulltext">fulltext</option>
          <option value="vector" disabled={!hasEmbeddings}>
            vector{hasEmbeddings ? "" : " (needs embeddings)"}
          </option>
          <option value="hybrid" disabled={!hasEmbeddings}>
            hybrid{hasEmbeddings ? "" : " (needs embeddings)"}
          </option>
        </Select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">Typo tolerance</span>
        <Select
          className="w-32"
          value={tolerance}
          onChange={(e) => onChange({ tolerance: Number(e.target.value) })}
          disabled={mode === "vector"}
          title={mode === "vector" ? "Vector search compares meanings, not words: typo tolerance does not apply." : "How many letters a word may differ by and still match (Orama's tolerance)"}
        >
          {TOLERANCES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? "Exact words" : n === 1 ? "1 typo" : `${n} typos`}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">Limit</span>
        <Select className="w-20" value={limit} onChange={(e) => onChange({ limit: Number(e.target.value) })}>
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit">Search</Button>
      {children}
      {hasEmbeddings ? null : (
        <p id="mode-reason" className="basis-full text-xs text-zinc-500">
          {noVector}
        </p>
      )}
    </form>
  );
}
