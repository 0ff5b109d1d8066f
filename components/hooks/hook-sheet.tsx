"use client";
// Create or edit a hook in a side sheet: delivery mode (push to a URL, or poll: no URL), endpoint (or a
// fresh inspector bin), kind, signing scheme, rate limit, filters, headers, transformation (with its
// tester), paused; a saved hook also shows its secret (or public key) and token. The TASK_WEBHOOK_URL
// hook is read-only here.
import { useState, type FormEvent } from "react";
import { HOOK_RATE_LIMIT_MAX, type HookDto } from "@/lib/contracts/hooks";
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
  const [kind, setKind] = useState<HookDto["kind"]>(hook?.kind ?? "changes");
  const [mode, setMode] = useState<"push" | "poll">(hook?.mode ?? "push");
  const [signing, setSigning] = useState<"hmac-sha256" | "ed25519">(hook?.signing ?? "hmac-sha256");
  const poll = mode === "poll";
  // Empty = unlimited; the server checks the range too.
  const [rateLimit, setRateLimit] = useState(hook?.rateLimit ? String(hook.rateLimit) : "");
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
    // Operational hooks get events about the other hooks: no filters apply.
    const all = { indexes: "all" as const, properties: "all" as const, operations: "all" as const };
    const kindFilters = kind === "operational" ? all : kind === "tasks" ? { ...f, properties: "all" as const, operations: "all" as const } : f;
    const common = { kind, filters: kindFilters, signing, transformation };
    // A poll hook has no URL, headers, pause or rate limit: nothing is ever sent to it.
    const input = poll
      ? common
      : { ...common, url: url.trim(), headers: headersToRecord(headers), paused, rateLimit: rateLimit.trim() ? Number(rateLimit) : null };
    try {
      // Each resolves after the refetch, so the list already holds a created hook when the sheet switches to it.
      const created = hook ? null : await createHook.mutateAsync({ ...input, mode });
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
          <label htmlFor="hook-mode" className="block text-sm font-medium">Delivery</label>
          <Select id="hook-mode" value={mode} disabled={!!hook} title={hook ? "Fixed when the hook was created" : undefined} onChange={(e) => setMode(e.target.value as "push" | "poll")}>
            <option value="push">Push: POST each batch to a URL</option>
            <option value="poll">Poll: no URL, read events over the API</option>
          </Select>
          {poll ? (
            <p className="text-xs text-zinc-500" data-testid="poll-hint">Nothing is sent: your consumer pulls the events with GET /api/v1/hooks/&#123;uuid&#125;/events (an admin key), keeping the cursor it is given.</p>
          ) : (
            <>
              <label htmlFor="hook-url" className="block pt-2 text-sm font-medium">URL</label>
              <input id="hook-url" className={`${inputClass} font-mono`} type="url" required placeholder="https://example.com/webhooks/indexhook" value={url} onChange={(e) => setUrl(e.target.value)} />
              <div className="flex flex-wrap items-center gap-2">
                <Button type="button" variant="secondary" onClick={fillInspectorUrl}>Use the inspector</Button>
                <span className="text-xs text-zinc-500">A capture URL on this instance: see exactly what is sent.</span>
              </div>
            </>
          )}
          <label htmlFor="hook-kind" className="block pt-2 text-sm font-medium">Events</label>
          <Select id="hook-kind" value={kind} onChange={(e) => setKind(e.target.value as HookDto["kind"])}>
            <option value="changes">Document changes (JSON: each added, changed or removed document)</option>
            <option value="tasks">Finished tasks (NDJSON)</option>
            <option value="operational">Operational events about the other webhooks (JSON)</option>
          </Select>
          {poll ? null : (
            <>
              <label htmlFor="hook-signing" className="block pt-2 text-sm font-medium">Signature</label>
              <Select id="hook-signing" value={signing} onChange={(e) => setSigning(e.target.value as "hmac-sha256" | "ed25519")}>
                <option value="hmac-sha256">HMAC-SHA256 (v1, shared secret)</option>
                <option value="ed25519">Ed25519 (v1a, receivers verify with a public key)</option>
              </Select>
              {hook && signing !== hook.signing ? (
                <p className="text-xs text-amber-700 dark:text-amber-300" data-testid="signing-change">Saving makes a new key; the current one keeps signing too for 24 hours.</p>
              ) : null}
            </>
          )}
          {kind === "operational" ? (
            <p className="text-xs text-zinc-500" data-testid="operational-hint">
              One POST per event: hook.disabled, hook.failing, hook.recovered, delivery.exhausted — never about this hook itself.
            </p>
          ) : null}
          {poll ? null : (
            <>
              <label htmlFor="hook-rate-limit" className="block pt-2 text-sm font-medium">Rate limit</label>
              <div className="flex items-center gap-2">
                <input
                  id="hook-rate-limit"
                  className={`${inputClass} w-32`}
                  type="number"
                  min={1}
                  max={HOOK_RATE_LIMIT_MAX}
                  step={1}
                  inputMode="numeric"
                  placeholder="Unlimited"
                  value={rateLimit}
                  onChange={(e) => setRateLimit(e.target.value)}
                />
                <span className="text-xs text-zinc-500">requests per second at most (empty = unlimited); changes wait, coalesced, nothing is dropped</span>
              </div>
            </>
          )}
        </fieldset>
        {kind === "operational" ? null : <FiltersFields value={filters} onChange={setFilters} kind={kind} disabled={readOnly} />}
        {poll ? null : (
          <>
            <HeadersFields rows={headers} onChange={setHeaders} disabled={readOnly} />
            <TransformationFields value={transformation} onChange={setTransformation} kind={kind} url={url} headers={headersToRecord(headers)} disabled={readOnly} />
            <label className="flex items-center gap-2 text-sm" title={readOnly ? "Configured by the environment" : undefined}>
              <input type="checkbox" role="switch" checked={paused} disabled={readOnly} onChange={(e) => setPaused(e.target.checked)} aria-label="Paused" />
              Paused <span className="text-xs text-zinc-500">(events accumulate and are sent on resume)</span>
            </label>
          </>
        )}
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
