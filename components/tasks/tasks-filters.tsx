"use client";
// Status, type and index filters; each is a URL parameter and changing one restarts paging.
import { Select } from "@/components/ui/select";
import { useIndexes } from "@/components/indexes/queries";
import { TASK_STATUSES, TASK_TYPES } from "./format";

export type FilterValues = { statuses: string; types: string; indexUids: string };

export function TasksFilters({ value, onChange }: { value: FilterValues; onChange: (name: keyof FilterValues, v: string) => void }) {
  const indexes = useIndexes();
  const field = (name: keyof FilterValues, label: string, options: readonly string[]) => (
    <label className="flex min-w-40 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <Select value={value[name]} onChange={(e) => onChange(name, e.target.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      {field("statuses", "Status", TASK_STATUSES)}
      {field("types", "Type", TASK_TYPES)}
      {field("indexUids", "Index", Array.from(new Set([...(indexes.data?.results.map((i) => i.id) ?? []), ...(value.indexUids ? [value.indexUids] : [])])))}
    </div>
  );
}
