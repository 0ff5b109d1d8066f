"use client";
// The Webhooks page: list (server-rendered first, then kept fresh), an auto-paused banner, the create
// and edit sheet (its hook is in the URL, `?edit=`, so it is deep-linkable) and delete.
import { useState } from "react";
import type { Role } from "@/lib/auth/roles";
import type { HookDto } from "@/lib/contracts/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/table";
import { useUrlParam } from "@/components/ui/tabs";
import { AutoPausedBanner } from "./auto-paused-banner";
import { HookSheet } from "./hook-sheet";
import { hookLabel } from "./hook-label";
import { useDeleteHookMutation, useHooks } from "./queries";
import { HooksTable } from "./hooks-table";
import { MetricsPanel } from "@/components/deliveries/metrics-tab";

export function HooksView({ role, initialHooks }: { role: Role; initialHooks: HookDto[] }) {
  const canManage = role !== "viewer";
  const deleteHook = useDeleteHookMutation();
  const hooks = useHooks(initialHooks);
  const [edit, setEdit] = useUrlParam("edit", "");
  const [deleting, setDeleting] = useState<HookDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = edit === "new" ? null : (hooks.data.find((h) => h.uuid === edit) ?? null);
  const sheetOpen = canManage && (edit === "new" || editing !== null);

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await deleteHook.mutateAsync(deleting.uuid);
      setDeleting(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const createButton = canManage ? <Button onClick={() => setEdit("new")}>Add webhook</Button> : null;
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Get told what changed: document changes and finished tasks, signed (Standard Webhooks), retried and logged."
        actions={createButton}
      />
      <AutoPausedBanner hooks={hooks.data} />
      {hooks.data.length === 0 ? (
        <EmptyState title="No webhooks yet">
          <p className="mb-3">{canManage ? "Point one at the built-in inspector to see exactly what Indexhook sends." : "A member or admin can add webhooks."}</p>
          {createButton}
        </EmptyState>
      ) : (
        <>
          <HooksTable hooks={hooks.data} onEdit={canManage ? (h) => setEdit(h.uuid) : undefined} onDelete={canManage ? setDeleting : undefined} />
          <section className="mt-8" aria-label="Deliveries, all webhooks">
            <h2 className="mb-3 text-sm font-semibold">Deliveries, all webhooks</h2>
            <MetricsPanel />
          </section>
        </>
      )}
      {hooks.error ? <p className="mt-2 text-sm text-red-600">Could not refresh the list: {hooks.error.message}</p> : null}
      {error ? <p className="mt-2 text-sm text-red-600">{error}</p> : null}
      {sheetOpen ? (
        // Keyed so switching from "new" to the created hook starts a fresh form with its credentials.
        <HookSheet key={edit} hook={editing} onClose={() => setEdit(null)} onCreated={(h) => setEdit(h.uuid)} />
      ) : null}
      <ConfirmDialog open={deleting !== null} danger title="Delete this webhook?" confirmLabel="Delete webhook" busy={busy} onCancel={() => setDeleting(null)} onConfirm={remove}>
        <p>
          <span className="break-all font-mono">{deleting ? hookLabel(deleting) : null}</span> stops receiving events at once, and its delivery log is deleted. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
