"use client";
// Create or edit a hook in a side sheet: endpoint (or a fresh inspector bin), kind, filters, headers,
// transformation (with its tester), paused; a saved hook also shows its secret and token. The TASK_WEBHOOK_URL hook is read-only here.
import { useState, type FormEvent } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select, inputClass } from "@/components/ui/select";
import { Sheet } from "@/components/ui/sheet";
import { CredentialsPanel } from "./credentials-panel";
import { FiltersFields, filtersFromHook, filtersToInput, type FilterState } from "./filters-fields";
import { HeadersFields, headersFromRecord, headersToRecord, type HeaderRow } from "./headers-fields";
import { TransformationFields } from "./transformation-fields";
import { useCreateBinMutation, useCreateHookMutation, useUpdateHookMutation, type CreatedHook } from "./queries";

interface Props {
  hook: HookDto | null;
  onClose: () => void;
  onCreated: (h: CreatedHook) => void;
}

export function HookSheet({ hook, onClose, onCreated }: Props) {
  const createBin = useCreateBinMutation();
  const createHook = useCreateHookMutation();
  const updateHook = useUpdateHookMutation();
  const [url, setUrl] = useState(hook?.url ?? "");
  const [kind, setKind] = useState<"changes" | "tasks">(hook?.kind ?? "changes");
  const [filters, setFilters] = useState<FilterState>(filtersFromHook(hook?.filters ?? { indexes: "all", properties: "all", operations: "all" }));
  const [headers, setHeaders] = useState<HeaderRow[]>(headersFromRecord(hook?.headers ?? {}));
  const [paused, setPaused] = useState(hook?.paused ?? false);
  const [transformation, setTransformation] = useState(hook?.transformation ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const readOnly = hook ? !hook.isEditable : false;

  const fillInspectorUrl = async () => {
    setError(null);
    try {
      setUrl((await createBin.mutateAsync()).url);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    // Task events have no properties or operations: those filters apply to changes only.
    const f = filtersToInput(filters);
    const input = { url: url.trim(), kind, filters: kind === "tasks" ? { ...f, properties: "all" as const, operations: "all" as const } : f, headers: headersToRecord(headers), paused, transformation };
    try {
      // Each resolves after the refetch, so the list already holds a created hook when the sheet switches to it.
      const created = hook ? null : await createHook.mutateAsync(input);
      if (hook) await updateHook.mutateAsync({ uuid: hook.uuid, input });
      if (created) onCreated(created);
      else onClose();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet open onClose={onClose} title={hook ? (readOnly ? "Webhook (from the environment)" : "Edit webhook") : "New webhook"}>
      <form onSubmit={submit} className="space-y-6" aria-label="Webhook">
        {readOnly ? <Alert tone="info">Configured by TASK_WEBHOOK_URL and TASK_WEBHOOK_AUTHORIZATION_HEADER: change the environment and restart to edit it.</Alert> : null}
        <fieldset className="space-y-2" disabled={readOnly}>
          <legend className="mb-2 text-base font-semibold">Endpoint</legend>
          <label htmlFor="hook-url" className="block text-sm font-medium">URL</label>
          <input id="hook-url" className={`${inputClass} font-mono`} type="url" required placeholder="https://example.com/webhooks/indexhook" value={url} onChange={(e) => setUrl(e.target.value)} />
          <div className="flex items-center gap-2">
            <Button type="button" variant="secondary" onClick={fillInspectorUrl}>Use the inspector</Button>
            <span className="text-xs text-zinc-500">A capture URL on this instance: see exactly what is sent.</span>
          </div>
          <label htmlFor="hook-kind" className="block pt-2 text-sm font-medium">Events</label>
          <Select id="hook-kind" value={kind} onChange={(e) => setKind(e.target.value as "changes" | "tasks")}>
            <option value="changes">Document changes (JSON, Dexie Cloud shape)</option>
            <option value="tasks">Finished tasks (NDJSON)</option>
          </Select>
        </fieldset>
        <FiltersFields value={filters} onChange={setFilters} kind={kind} disabled={readOnly} />
        <HeadersFields rows={headers} onChange={setHeaders} disabled={readOnly} />
        <TransformationFields value={transformation} onChange={setTransformation} kind={kind} url={url} headers={headersToRecord(headers)} disabled={readOnly} />
        <label className="flex items-center gap-2 text-sm" title={readOnly ? "Configured by the environment" : undefined}>
          <input type="checkbox" role="switch" checked={paused} disabled={readOnly} onChange={(e) => setPaused(e.target.checked)} aria-label="Paused" />
          Paused <span className="text-xs text-zinc-500">(events accumulate and are sent on resume)</span>
        </label>
        {error ? <Alert>{error}</Alert> : null}
        {readOnly ? null : (
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={busy}>{busy ? "Saving…" : hook ? "Save changes" : "Create webhook"}</Button>
          </div>
        )}
      </form>
      {hook ? (
        <div className="mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <CredentialsPanel hook={hook} />
        </div>
      ) : null}
    </Sheet>
  );
}
