"use client";
// Rename, and the danger zone: deleting asks for the index id typed out, then returns to the list.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IndexDto } from "@/lib/contracts/indexes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { useDeleteIndexMutation, useUpdateIndexMutation } from "./queries";

export function SettingsTab({ index }: { index: IndexDto }) {
  const router = useRouter();
  const [name, setName] = useState(index.name);
  const [confirm, setConfirm] = useState(false);
  const rename = useUpdateIndexMutation(index.id);
  const remove = useDeleteIndexMutation(index.id);
  const unchanged = name.trim() === index.name || !name.trim();
  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ name });
          }}
        >
          <div className="min-w-60 flex-1">
            <Field id="rename" label="Index name" value={name} onChange={(e) => setName(e.target.value)} error={rename.error?.message} />
          </div>
          <Button type="submit" variant="secondary" disabled={unchanged || rename.isPending} title={unchanged ? "Edit the name first" : undefined}>
            Rename
          </Button>
        </form>
        {rename.isSuccess && unchanged ? <p className="text-xs text-emerald-700 dark:text-emerald-400">Renamed.</p> : null}
      </Card>
      <section aria-labelledby="danger-heading" className="rounded-lg border border-red-300 p-5 dark:border-red-900">
        <h2 id="danger-heading" className="text-sm font-semibold text-red-700 dark:text-red-400">
          Danger zone
        </h2>
        <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Deleting removes the index, its documents, pending changes and search. It cannot be undone.</p>
          <Button variant="danger" onClick={() => setConfirm(true)}>
            Delete index
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirm}
        danger
        title={`Delete index ${index.name}?`}
        confirmLabel="Delete index"
        typeToConfirm={index.id}
        busy={remove.isPending}
        onCancel={() => setConfirm(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => router.push("/indexes") })}
      >
        <p>
          {index.documentCount.toLocaleString()} live documents and {index.pending.total} pending changes of{" "}
          <span className="font-mono">{index.id}</span> are deleted for good; search with this index stops.
        </p>
        {remove.error ? <Alert>{remove.error.message}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}
