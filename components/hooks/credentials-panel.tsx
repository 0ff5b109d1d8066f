"use client";
// Secret and token of a saved hook. Rotate keeps the old secret signing for 24 h; Regenerate replaces
// it at once, so it sits behind a two-step warning (explain, then type the word). An ed25519 hook shows
// its public key instead of a secret: the private key never leaves the server.
import { useState } from "react";
import type { HookDto } from "@/lib/contracts/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputBase } from "@/components/ui/select";
import { When } from "@/components/ui/when";
import { PublicKeyRow } from "./public-key-row";
import { useHookSecretMutation, useHookTokenMutation } from "./queries";
import { SecretRow } from "./secret-row";

type Pending = "rotate" | "regenerate-secret" | "regenerate-token" | null;
const ENV_REASON = "Configured by TASK_WEBHOOK_URL: its credentials cannot be changed here.";

export function CredentialsPanel({ hook }: { hook: HookDto }) {
  const secretMutation = useHookSecretMutation(hook.uuid);
  const tokenMutation = useHookTokenMutation(hook.uuid);
  const [secret, setSecret] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [manual, setManual] = useState("");
  const [error, setError] = useState<string | null>(null);
  const locked = !hook.isEditable;

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn(); // the mutations refetch the hook before they resolve
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  // An ed25519 answer has no secret (its new public key arrives with the hook's refetch).
  const secretAction = (action: "rotate" | "regenerate") => run(async () => setSecret((await secretMutation.mutateAsync(action)).secret ?? null));
  const tokenAction = (input: { action: "regenerate" } | { token: string }) => run(async () => setToken((await tokenMutation.mutateAsync(input)).token));
  const lockProps = { disabled: locked || busy, title: locked ? ENV_REASON : undefined };

  return (
    <section className="space-y-5">
      <h3 className="text-base font-semibold">Signing</h3>
      {hook.signing === "ed25519" ? (
        <PublicKeyRow hook={hook}>
          <Button type="button" variant="secondary" {...lockProps} onClick={() => setPending("rotate")}>Rotate</Button>
          <Button type="button" variant="secondary" className="text-red-600! dark:text-red-400!" {...lockProps} onClick={() => setPending("regenerate-secret")}>Regenerate</Button>
          {hook.previousSecretExpiresAt ? (
            <span className="text-xs text-zinc-500" data-testid="grace">The previous key also signs until <When at={hook.previousSecretExpiresAt} />.</span>
          ) : null}
        </PublicKeyRow>
      ) : (
        <SecretRow label="Secret" mask="whsec_••••••••••••" value={secret} onValue={setSecret} reveal={async () => (await secretMutation.mutateAsync("reveal")).secret ?? ""}>
          <Button type="button" variant="secondary" {...lockProps} onClick={() => setPending("rotate")}>Rotate</Button>
          <Button type="button" variant="secondary" className="text-red-600! dark:text-red-400!" {...lockProps} onClick={() => setPending("regenerate-secret")}>Regenerate</Button>
          {hook.previousSecretExpiresAt ? (
            <span className="text-xs text-zinc-500" data-testid="grace">The previous secret also signs until <When at={hook.previousSecretExpiresAt} />.</span>
          ) : null}
        </SecretRow>
      )}
      <SecretRow label="Token" mask="••••••••••••" value={token} onValue={setToken} reveal={async () => (await tokenMutation.mutateAsync({ action: "reveal" })).token}>
        <Button type="button" variant="secondary" {...lockProps} onClick={() => setPending("regenerate-token")}>Regenerate</Button>
        <input
          aria-label="Set token by hand"
          className={`${inputBase} w-48 font-mono`}
          placeholder="or set one (16+ chars)"
          value={manual}
          disabled={locked}
          title={locked ? ENV_REASON : undefined}
          onChange={(e) => setManual(e.target.value)}
        />
        <Button type="button" variant="secondary" disabled={locked || busy || manual.length < 16} title={locked ? ENV_REASON : manual.length < 16 ? "At least 16 characters" : undefined} onClick={() => tokenAction({ token: manual }).then(() => setManual(""))}>
          Set
        </Button>
      </SecretRow>
      <p className="text-xs text-zinc-500">Sent as X-Indexhook-Token on every request; the secret only signs and never travels.</p>
      {error ? <p className="text-sm text-red-600">{error}</p> : null}
      <ConfirmDialog open={pending === "rotate"} title="Rotate the signing secret?" confirmLabel="Rotate" busy={busy} onCancel={() => setPending(null)} onConfirm={() => secretAction("rotate")}>
        <p>A new secret signs from now on. The current one keeps signing too for 24 hours, so receivers can switch without rejecting deliveries.</p>
      </ConfirmDialog>
      <ConfirmDialog open={pending === "regenerate-secret"} danger typeToConfirm="regenerate" title="Regenerate the signing secret?" confirmLabel="Regenerate now" busy={busy} onCancel={() => setPending(null)} onConfirm={() => secretAction("regenerate")}>
        <p>The current secret stops signing <strong>immediately</strong>: receivers that verify signatures reject deliveries until they have the new one. Use this when the secret leaked; otherwise Rotate.</p>
      </ConfirmDialog>
      <ConfirmDialog open={pending === "regenerate-token"} danger title="Regenerate the token?" confirmLabel="Regenerate token" busy={busy} onCancel={() => setPending(null)} onConfirm={() => tokenAction({ action: "regenerate" })}>
        <p>The X-Indexhook-Token header changes with the next delivery; receivers comparing it must be updated.</p>
      </ConfirmDialog>
    </section>
  );
}
