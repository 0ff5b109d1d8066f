"use client";
// Revoking is irreversible, so it is an alert dialog naming the key and what stops working.
import type { ApiKeyDto } from "@/lib/contracts/keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRevokeKeyMutation } from "./queries";

export function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKeyDto; onClose: () => void }) {
  const revoke = useRevokeKeyMutation(apiKey.id, onClose);
  return (
    <Dialog
      alert
      title={`Revoke “${apiKey.name}”?`}
      description={
        <>
          Anything using <code className="font-mono">{apiKey.start}…</code> stops working immediately: its requests get
          401. This cannot be undone.
        </>
      }
      onCancel={onClose}
    >
      {revoke.error ? <Alert>{revoke.error.message}</Alert> : null}
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
          {revoke.isPending ? "Revoking…" : "Revoke key"}
        </Button>
      </div>
    </Dialog>
  );
}
