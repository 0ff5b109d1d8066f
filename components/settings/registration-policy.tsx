"use client";
// Settings → Policy for new users: Closed / Open / Webhook; the webhook card (URL, signing secret,
// timeout) with "Send test" (policy-test-panel.tsx) showing exactly what was sent and received; saving
// a webhook policy whose URL never passed a test asks first.
import { useCallback, useState } from "react";
import type { RegistrationMode, RegistrationSettingsDto } from "@/lib/contracts/registration";
import { SecretRow } from "@/components/hooks/secret-row";
import { Alert } from "@/components/ui/alert";
import { Toast, type ToastState } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { PolicyTestPanel } from "./policy-test-panel";
import { usePolicySecretMutation, useRegistrationSettings, useSaveRegistrationMutation } from "./queries";

const MODES: { value: RegistrationMode; label: string; description: string }[] = [
  { value: "closed", label: "Closed", description: "Only people an admin invites can join. The default." },
  { value: "open", label: "Open", description: "Anyone who reaches the login page can create an account as a member." },
  {
    value: "webhook",
    label: "Webhook",
    description: "Your endpoint decides: reject, admit for evaluation (viewer), or admit for production (member). If it cannot answer, sign-up fails closed.",
  },
];

export function RegistrationPolicy({ initial }: { initial: RegistrationSettingsDto }) {
  const settings = useRegistrationSettings(initial).data;
  const saveMutation = useSaveRegistrationMutation();
  const secretMutation = usePolicySecretMutation();
  const [mode, setMode] = useState<RegistrationMode>(initial.mode);
  const [url, setUrl] = useState(initial.webhook?.url ?? "");
  const [secret, setSecret] = useState<string | null>(null);
  const [secretNote, setSecretNote] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmUntested, setConfirmUntested] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [toast, setToastState] = useState<ToastState | null>(null);
  const setToast = useCallback((message: string) => setToastState({ id: Date.now(), message }), []);

  const clearToast = useCallback(() => setToastState(null), []);
  const lastTest = settings.webhook?.lastTest ?? null;
  const trimmedUrl = url.trim();
  const passedTest = !!lastTest?.ok && lastTest.url === trimmedUrl;
  const dirty = mode !== settings.mode || (mode === "webhook" && trimmedUrl !== (settings.webhook?.url ?? ""));
  const timeoutS = (settings.webhook?.timeoutMs ?? 10_000) / 1000;

  const showGenerated = useCallback((value: string) => {
    setSecret(value);
    setSecretNote("A signing secret was generated for this webhook. Configure your endpoint to verify signatures with it.");
  }, []);

  async function save() {
    setConfirmUntested(false);
    setSaveError(null);
    try {
      const result = await saveMutation.mutateAsync(mode === "webhook" ? { mode, webhookUrl: trimmedUrl } : { mode });
      if (result.secret) showGenerated(result.secret);
      setToast(`Policy for new users saved: ${MODES.find((m) => m.value === result.mode)!.label}.`);
    } catch (e) {
      setSaveError((e as Error).message);
    }
  }

  function onSave() {
    if (mode === "webhook" && !trimmedUrl) return setSaveError("Enter the webhook URL first.");
    if (mode === "webhook" && !passedTest) return setConfirmUntested(true);
    void save();
  }

  async function rotate() {
    setConfirmRotate(false);
    try {
      const r = await secretMutation.mutateAsync("rotate");
      setSecret(r.secret);
      setSecretNote("The secret was rotated: requests are signed with the new one from now on. Update your endpoint.");
      setToast("Signing secret rotated.");
    } catch (e) {
      setSecretNote((e as Error).message);
    }
  }

  return (
    <Card className="space-y-5" data-testid="registration-policy">
      <div>
        <h2 className="text-lg font-semibold">Policy for new users</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Who may create an account from the login page. Invitations work in every mode.</p>
      </div>

      <fieldset className="space-y-2">
        <legend className="sr-only">Registration mode</legend>
        {MODES.map((m) => (
          <label
            key={m.value}
            className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm ${mode === m.value ? "border-indigo-500 bg-indigo-50/50 dark:bg-indigo-950/30" : "border-zinc-200 dark:border-zinc-800"}`}
          >
            <input type="radio" name="registration-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} className="mt-0.5" />
            <span>
              <span className="font-medium">{m.label}</span>
              {settings.mode === m.value ? <span className="ml-2 text-xs text-zinc-500">(current)</span> : null}
              <span className="block text-zinc-600 dark:text-zinc-400">{m.description}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode === "webhook" ? (
        <div className="space-y-4 rounded-md border border-zinc-200 p-4 dark:border-zinc-800" data-testid="policy-webhook">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            On each sign-up Indexhook POSTs <code className="font-mono text-xs">{'{ "userId", "email" }'}</code>, signed with Standard Webhooks headers,
            and expects <code className="font-mono text-xs">{'{ "ok", "action": "reject" | "eval" | "prod", "userData"? }'}</code>.
          </p>
          <Field id="policy-url" label="Webhook URL" type="url" placeholder="https://example.com/indexhook/new-user" value={url} onChange={(e) => {
              setUrl(e.target.value);
              setSaveError(null);
            }}
          />
          {settings.webhook ? (
            <SecretRow label="Signing secret" mask={settings.webhook.secretMasked} value={secret} onValue={setSecret} reveal={async () => (await secretMutation.mutateAsync("reveal")).secret}>
              <Button type="button" variant="secondary" onClick={() => setConfirmRotate(true)}>
                Rotate
              </Button>
            </SecretRow>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">A signing secret is generated when you first test or save a URL.</p>
          )}
          {secretNote ? <Alert tone="info">{secretNote}</Alert> : null}
          <p className="text-sm">
            <span className="font-medium">Timeout</span> <span data-testid="policy-timeout">{timeoutS} s</span>
            <span className="text-zinc-600 dark:text-zinc-400"> — no valid answer in time means no account (fail closed).</span>
          </p>
          <PolicyTestPanel url={trimmedUrl} lastTest={lastTest} onSecret={showGenerated} />
        </div>
      ) : null}

      {saveError ? <Alert>{saveError}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="button" onClick={onSave} disabled={saveMutation.isPending}>
          {saveMutation.isPending ? "Saving…" : "Save policy"}
        </Button>
        {dirty ? <span className="text-xs text-zinc-500">Unsaved changes</span> : null}
      </div>

      <ConfirmDialog open={confirmUntested} title="This URL has never passed a test" confirmLabel="Save anyway" onConfirm={() => void save()} onCancel={() => setConfirmUntested(false)}>
        <p>
          Until <span className="font-mono">{trimmedUrl}</span> answers with a valid verdict, every sign-up fails closed and nobody can join. Send a test first, or
          save anyway.
        </p>
      </ConfirmDialog>
      <ConfirmDialog open={confirmRotate} title="Rotate the signing secret?" confirmLabel="Rotate" danger onConfirm={() => void rotate()} onCancel={() => setConfirmRotate(false)}>
        <p>Requests are signed with the new secret at once; sign-ups fail closed until your endpoint verifies with it.</p>
      </ConfirmDialog>
      <Toast toast={toast} onDone={clearToast} />
    </Card>
  );
}
