"use client";
// An ed25519 hook's public key (whpk_…): not a secret, so shown in full with Copy, on the hook detail
// and in the edit sheet. Receivers verify the v1a signatures with it; the private key stays here.
import type { ReactNode } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { CopyValue } from "@/components/ui/copy-value";

export function PublicKeyRow({ hook, children }: { hook: Pick<HookDto, "publicKey" | "previousPublicKey">; children?: ReactNode }) {
  if (!hook.publicKey) return null;
  return (
    <div className="space-y-2" data-testid="public-key">
      <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Public key (ed25519)</p>
      <CopyValue value={hook.publicKey} label="Public key" noun="public key" small />
      {hook.previousPublicKey ? (
        <p className="break-all text-xs text-zinc-500">
          Previous key, still signing: <code className="font-mono">{hook.previousPublicKey}</code>
        </p>
      ) : null}
      {children ? <div className="flex flex-wrap items-center gap-2">{children}</div> : null}
      <p className="text-xs text-zinc-500">Receivers verify the v1a signature with this key; the private key never leaves this server.</p>
    </div>
  );
}
