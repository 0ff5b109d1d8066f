"use client";
// The filter part of the hook form. Every control says "empty = everything": nothing selected sends
// "all", so a hook never silently receives nothing.
import { HOOK_OPERATIONS } from "@/lib/contracts/hooks";
import { inputClass } from "@/components/ui/select";
import { useHookIndexIds } from "./queries";

export interface FilterState {
  indexes: string[];
  properties: string;
  operations: string[];
}

const legend = "text-sm font-medium text-zinc-700 dark:text-zinc-300";
const hint = "text-xs text-zinc-500";

export function FiltersFields({ value, onChange, kind, disabled }: { value: FilterState; onChange: (v: FilterState) => void; kind: string; disabled?: boolean }) {
  const indexes = useHookIndexIds();
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const known = [...new Set([...(indexes.data ?? []), ...value.indexes])];
  return (
    <fieldset className="space-y-4" disabled={disabled}>
      <legend className="mb-2 text-base font-semibold">Filters</legend>
      <div className="space-y-1">
        <p className={legend}>Indexes</p>
        {known.length === 0 ? <p className={hint}>No indexes yet: the hook will receive every index.</p> : null}
        <div className="flex flex-wrap gap-2">
          {known.map((id) => (
            <label key={id} className="flex items-center gap-1.5 rounded border border-zinc-200 px-2 py-1 text-sm dark:border-zinc-700">
              <input type="checkbox" checked={value.indexes.includes(id)} onChange={() => onChange({ ...value, indexes: toggle(value.indexes, id) })} />
              <span className="font-mono text-xs">{id}</span>
            </label>
          ))}
        </div>
        <p className={hint}>None selected = all indexes, including ones created later.</p>
      </div>
      {kind === "changes" ? (
        <>
          <div className="space-y-1">
            <label htmlFor="hook-properties" className={legend}>Properties</label>
            <input
              id="hook-properties"
              className={`${inputClass} font-mono`}
              placeholder="title, price (empty = all)"
              value={value.properties}
              onChange={(e) => onChange({ ...value, properties: e.target.value })}
            />
            <p className={hint}>Only changes touching these properties are sent. Empty = everything.</p>
          </div>
          <div className="space-y-1">
            <p className={legend}>Operations</p>
            <div className="flex gap-3">
              {HOOK_OPERATIONS.map((op) => (
                <label key={op} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={value.operations.includes(op)} onChange={() => onChange({ ...value, operations: toggle(value.operations, op) })} />
                  {op}
                </label>
              ))}
            </div>
            <p className={hint}>None checked = every operation.</p>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

export function filtersToInput(f: FilterState) {
  const props = f.properties.split(",").map((p) => p.trim()).filter(Boolean);
  return {
    indexes: f.indexes.length ? f.indexes : ("all" as const),
    properties: props.length ? props : ("all" as const),
    operations: f.operations.length ? (f.operations as ("upsert" | "update" | "delete")[]) : ("all" as const),
  };
}

export function filtersFromHook(f: { indexes: "all" | string[]; properties: "all" | string[]; operations: "all" | string[] }): FilterState {
  return {
    indexes: f.indexes === "all" ? [] : f.indexes,
    properties: f.properties === "all" ? "" : f.properties.join(", "),
    operations: f.operations === "all" ? [] : f.operations,
  };
}
