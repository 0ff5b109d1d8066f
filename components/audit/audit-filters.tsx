"use client";
// Actor, action (a group or any action / prefix), target and date range; every filter lives in the URL.
import { useState } from "react";
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from "@/lib/contracts/audit";
import { Button } from "@/components/ui/button";
import { inputBase, Select } from "@/components/ui/select";

export const FILTER_NAMES = ["actor", "action", "targetType", "targetId", "from", "to"] as const;
export type AuditFilterValues = Record<(typeof FILTER_NAMES)[number], string>;

const TARGET_TYPES = ["index", "hook", "key", "delivery", "user", "invite", "settings"];

const label = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** A text filter applied on Enter or when the field is left (not on every keystroke). */
function TextFilter({ name, title, value, placeholder, onApply, list }: { name: string; title: string; value: string; placeholder: string; onApply: (v: string) => void; list?: string }) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL changed under us (back button, "Clear"): show its value.
    setSeen(value);
    setDraft(value);
  }
  const apply = () => draft.trim() !== value && onApply(draft.trim());
  return (
    <label className={`${label} min-w-44`}>
      {title}
      <input
        name={name}
        list={list}
        className={`${inputBase} w-full`}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
      />
    </label>
  );
}

export function AuditFilters({ value, onChange, onClear }: { value: AuditFilterValues; onChange: (changes: Partial<AuditFilterValues>) => void; onClear: () => void }) {
  const group = AUDIT_ACTION_GROUPS.some((g) => g.prefix === value.action) ? value.action : value.action ? "custom" : "";
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} aria-label="Audit log filters">
      <TextFilter name="actor" title="Actor" value={value.actor} placeholder="email, key name or id" onApply={(actor) => onChange({ actor })} />
      <label className={`${label} min-w-40`}>
        Action group
        <Select
          name="actionGroup"
          value={group}
          onChange={(e) => e.target.value !== "custom" && onChange({ action: e.target.value })}
        >
          <option value="">All actions</option>
          {AUDIT_ACTION_GROUPS.map((g) => (
            <option key={g.prefix} value={g.prefix}>
              {g.label} ({g.prefix}*)
            </option>
          ))}
          <option value="custom" disabled>
            Other (typed below)
          </option>
        </Select>
      </label>
      <TextFilter name="action" title="Action or prefix" value={value.action} placeholder="hook.secret_revealed or hook." onApply={(action) => onChange({ action })} list="audit-actions" />
      <datalist id="audit-actions">
        {AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <label className={`${label} min-w-32`}>
        Target type
        <Select name="targetType" value={value.targetType} onChange={(e) => onChange({ targetType: e.target.value })}>
          <option value="">Any</option>
          {[...new Set([...TARGET_TYPES, ...(value.targetType ? [value.targetType] : [])])].map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </label>
      <TextFilter name="targetId" title="Target id" value={value.targetId} placeholder="index id, hook uuid, key id" onApply={(targetId) => onChange({ targetId })} />
      <label className={label}>
        From
        <input type="date" name="from" className={inputBase} value={value.from.slice(0, 10)} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className={label}>
        To
        <input type="date" name="to" className={inputBase} value={value.to.slice(0, 10)} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      {Object.values(value).some(Boolean) ? (
        <Button type="button" variant="ghost" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
