"use client";
// The playground's query bar: term (submitted to the URL), mode, limit, and Copy as cURL.
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Select, inputClass } from "@/components/ui/select";
import { LIMITS, type Mode } from "./use-playground";

interface Props {
  term: string;
  mode: Mode;
  limit: number;
  hasEmbeddings: boolean;
  onChange: (patch: { term?: string; mode?: Mode; limit?: number }) => void;
  children?: ReactNode;
}

export function QueryBar({ term, mode, limit, hasEmbeddings, onChange, children }: Props) {
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
