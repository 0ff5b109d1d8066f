"use client";
// Custom headers sent with every delivery. Stored values come back redacted (`Bearer ****`); sending
// a redacted value back keeps it, so editing other rows never wipes a credential.
import { Button } from "@/components/ui/button";
import { inputBase } from "@/components/ui/select";

export type HeaderRow = { name: string; value: string };

const AUTH_LIKE = /authorization|auth|token|secret|key|cookie|password|signature/i;

export function HeadersFields({ rows, onChange, disabled }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; disabled?: boolean }) {
  const set = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="mb-2 text-base font-semibold">Headers</legend>
      {rows.length === 0 ? <p className="text-xs text-zinc-500">No custom headers. Every request carries the signature and X-Indexhook-Token anyway.</p> : null}
      {rows.map((r, i) => (
        <div key={i} className="flex gap-2">
          <input
            aria-label={`Header ${i + 1} name`}
            className={`${inputBase} w-2/5 font-mono`}
            placeholder="Authorization"
            value={r.name}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            aria-label={`Header ${i + 1} value`}
            className={`${inputBase} min-w-0 flex-1 font-mono`}
            // Credentials are masked while typed, like a password field.
            type={AUTH_LIKE.test(r.name) && !r.value.includes("****") ? "password" : "text"}
            autoComplete="off"
            placeholder="Bearer …"
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <Button type="button" variant="ghost" aria-label={`Remove header ${r.name || i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...rows, { name: "", value: "" }])}>
        Add header
      </Button>
    </fieldset>
  );
}

export const headersToRecord = (rows: HeaderRow[]) => Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));
export const headersFromRecord = (h: Record<string, string>): HeaderRow[] => Object.entries(h).map(([name, value]) => ({ name, value }));
