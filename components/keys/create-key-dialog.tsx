"use client";
// Create a key: name, preset (what it may do), index scope and an optional expiry. The API enforces
// every rule; this form offers only presets the user's role can grant and shows the API's messages.
import { useState, type FormEvent } from "react";
import { KEY_PRESETS } from "@/lib/contracts/keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ApiFailure, useCreateKeyMutation, useKeyIndexIds, type CreatedKey } from "./queries";
import { IndexScope } from "./index-scope";

type Preset = keyof typeof KEY_PRESETS;
const PRESET_HINT: Record<Preset, string> = {
  public: "search only, safe in a browser",
  private: "ingest + deploy, never in a browser",
  metrics: "Prometheus scrapes of /metrics only",
  admin: "everything, including managing keys",
};

/** End of the chosen day in the browser's time zone, so "expires 2027-01-31" means through that day. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function CreateKeyDialog({ canGrantAdmin, onCreated, onCancel }: { canGrantAdmin: boolean; onCreated: (k: CreatedKey) => void; onCancel: () => void }) {
  const [preset, setPreset] = useState<Preset>("public");
  const [indexes, setIndexes] = useState<string[]>(["*"]);
  const known = useKeyIndexIds();
  const create = useCreateKeyMutation(onCreated);
  const fields = create.error instanceof ApiFailure ? create.error.fields : {};

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const expires = String(form.get("expires") ?? "");
    const origins = preset === "public" ? String(form.get("origins") ?? "").split(/[\s,]+/).filter(Boolean) : [];
    create.mutate({
      name: String(form.get("name") ?? ""),
      actions: [...KEY_PRESETS[preset].actions],
      indexes,
      ...(origins.length ? { allowedOrigins: origins } : {}),
      ...(expires ? { expiresAt: endOfDay(expires) } : {}),
    });
  }

  return (
    <Dialog title="Create API key" onCancel={onCancel}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {create.error ? <Alert>{create.error.message}</Alert> : null}
        <Field id="key-name" name="name" label="Name" placeholder="e.g. website search" error={fields.name} required autoComplete="off" />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Permissions</legend>
          {(Object.keys(KEY_PRESETS) as Preset[]).map((p) => {
            // Metrics show every index and hook: like admin keys, only admins create them.
            const locked = (p === "admin" || p === "metrics") && !canGrantAdmin;
            return (
              <label key={p} title={locked ? `Only admins can create ${p} keys` : undefined} className={`flex gap-2 rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800 ${locked ? "opacity-60" : ""}`}>
                <input type="radio" name="preset" value={p} checked={preset === p} disabled={locked} onChange={() => setPreset(p)} aria-describedby={`preset-${p}-desc`} />
                <span>
                  <span className="font-medium">{KEY_PRESETS[p].label}</span> — {PRESET_HINT[p]}
                  <span id={`preset-${p}-desc`} className="block text-xs text-zinc-500">
                    {locked ? `Only admins can create ${p} keys.` : KEY_PRESETS[p].description}
                  </span>
                </span>
              </label>
            );
          })}
          {fields.actions ? <p className="text-xs text-red-600">{fields.actions}</p> : null}
        </fieldset>
        <IndexScope known={known.data ?? null} value={indexes} onChange={setIndexes} error={fields.indexes} />
        {preset === "public" ? (
          <div className="space-y-1">
            <label htmlFor="key-origins" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
              Allowed origins (optional)
            </label>
            <textarea
              id="key-origins"
              name="origins"
              rows={2}
              placeholder={"https://shop.example\nhttps://*.example.com"}
              aria-describedby="key-origins-hint"
              aria-invalid={fields.allowedOrigins ? true : undefined}
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900"
            />
            <p id="key-origins-hint" className="text-xs text-zinc-500">
              One per line. Web pages on other origins get 403; empty = any origin. Server-side requests (no Origin header) are not limited.
            </p>
            {fields.allowedOrigins ? <p className="text-xs text-red-600 dark:text-red-400">{fields.allowedOrigins}</p> : null}
          </div>
        ) : null}
        <Field id="key-expires" name="expires" type="date" label="Expires (optional)" error={fields.expiresAt} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
