"use client";
// The Developer tools page: the keys list (server-rendered first, then kept fresh by TanStack Query),
// the create flow with its shown-once step, and revoke. Viewers see the list only.
import { useState } from "react";
import type { Role } from "@/lib/auth/roles";
import type { ApiKeyDto } from "@/lib/contracts/keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CreateKeyDialog } from "./create-key-dialog";
import { useKeys, type CreatedKey } from "./queries";
import { KeysTable } from "./keys-table";
import { RevokeDialog } from "./revoke-dialog";
import { ShownOnceDialog } from "./shown-once-dialog";

export function KeysView({ role, initialKeys }: { role: Role; initialKeys: ApiKeyDto[] }) {
  const canManage = role !== "viewer";
  const keys = useKeys(initialKeys);
  const [creating, setCreating] = useState(false);
  // The only place the secret lives in the browser; cleared when the shown-once step closes.
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);

  const createButton = canManage ? <Button onClick={() => setCreating(true)}>Create key</Button> : null;
  return (
    <>
      <PageHeader
        title="Developer tools"
        description="API keys for ingestion, deploys and search. Public keys are search-only and safe in a browser; keep private keys on your server."
        actions={createButton}
      />
      {keys.data.length === 0 ? (
        <Card className="text-center">
          <p className="font-medium">No API keys yet</p>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            {canManage ? "Create a public key for search, or a private key to push data from your server." : "An admin or member can create keys."}
          </p>
          {canManage ? <Button onClick={() => setCreating(true)}>Create your first key</Button> : null}
        </Card>
      ) : (
        <KeysTable keys={keys.data} onRevoke={canManage ? setRevoking : undefined} />
      )}
      {keys.error ? <p className="mt-2 text-sm text-red-600">Could not refresh the list: {keys.error.message}</p> : null}
      {creating ? (
        <CreateKeyDialog
          canGrantAdmin={role === "admin"}
          onCancel={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
          }}
        />
      ) : null}
      {created ? <ShownOnceDialog created={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}
