"use client";
// Settings → Policy for new users: Closed / Open / Webhook; the webhook card (URL, signing secret,
// timeout) with "Send test" showing exactly what was sent and received; saving a webhook policy whose
// URL never passed a test asks first.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { PolicyTestResult, RegistrationMode, RegistrationSettingsDto } from "@/lib/contracts/registration";
import { api, ApiRequestError } from "@/components/api/client";
import { SecretRow } from "@/components/hooks/secret-row";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Toast, type ToastState } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/select";

type Saved = RegistrationSettingsDto & { secret?: string };

const MODES: { value: RegistrationMode; label: string; description: string }[] = [
  { value: "closed", label: "Closed", description: "Only people an admin invites can join. The default." },
  { value: "open", label: "Open", description: "Anyone who reaches the login page can create an account as a member." },
  {
    value: "webhook",
    label: "Webhook",
    description: "Your endpoint decides: reject, admit for evaluation (viewer), or admit for production (member). If it cannot answer, sign-up fails closed.",
  },
];

const QUERY_KEY = ["settings", "registration"];
const samplePayload = () => JSON.stringify({ userId: "usr_sampleUser000001", email: "someone@example.com" }, null, 2);

function Block({ title, children }: { title: string; children: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="break-all font-mono text-xs text-zinc-500">{title}</p>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">{children}</pre>
    </div>
  );
}

const headerLines = (h: Record<string, string>) =>
  Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");

function prettyBody(body: string) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body || "(empty)";
  }
}

function TestResult({ result }: { result: PolicyTestResult }) {
  const verdict = result.error ? (
    <Badge tone="danger">Fails closed: {result.error}</Badge>
  ) : result.admits ? (
    <Badge tone="success">Admits as {result.role === "viewer" ? "viewer (evaluation)" : "member"}</Badge>
  ) : (
    <Badge tone="warning">Refuses access</Badge>
  );
  return (
    <div className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="policy-test-result">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="policy-verdict">{verdict}</span>
        <span className="text-zinc-500">{result.latencyMs} ms</span>
        {result.verdict ? (
          <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
            ok: {String(result.verdict.ok)}, action: {result.verdict.action}
          </span>
        ) : null}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-2">
          <p className="text-sm font-medium">Request sent</p>
          <Block title={`POST ${result.request.url}`}>{headerLines(result.request.headers)}</Block>
          <Block title="Body">{prettyBody(result.request.body)}</Block>
        </div>
        <div className="space-y-2">
          <p className="text-sm font-medium">Response received</p>
          {result.response ? (
            <>
              <Block title={`Status ${result.response.status}`}>{headerLines(result.response.headers)}</Block>
              <Block title="Body">{prettyBody(result.response.body)}</Block>
            </>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No response: {result.error}</p>
          )}
        </div>
      </div>
    </div>
  );
}

export function RegistrationPolicy({ initial }: { initial: RegistrationSettingsDto }) {
  const qc = useQueryClient();
  const saved = useQuery({ queryKey: QUERY_KEY, queryFn: () => api<RegistrationSettingsDto>("/api/v1/settings/registration"), initialData: initial });
  const settings = saved.data;
  const [mode, setMode] = useState<RegistrationMode>(initial.mode);
  const [url, setUrl] = useState(initial.webhook?.url ?? "");
  const [secret, setSecret] = useState<string | null>(null);
  const [secretNote, setSecretNote] = useState<string | null>(null);
  const [payload, setPayload] = useState(samplePayload);
  const [test, setTest] = useState<PolicyTestResult | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmUntested, setConfirmUntested] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [toast, setToastState] = useState<ToastState | null>(null);
  const setToast = useCallback((message: string) => setToastState({ id: Date.now(), message }), []);

  const clearToast = useCallback(() => setToastState(null), []);
  const refresh = () => qc.invalidateQueries({ queryKey: QUERY_KEY });
  const lastTest = settings.webhook?.lastTest ?? null;
  const trimmedUrl = url.trim();
  const passedTest = !!lastTest?.ok && lastTest.url === trimmedUrl;
  const dirty = mode !== settings.mode || (mode === "webhook" && trimmedUrl !== (settings.webhook?.url ?? ""));
  const timeoutS = (settings.webhook?.timeoutMs ?? 10_000) / 1000;

  function showGenerated(value: string) {
    setSecret(value);
    setSecretNote("A signing secret was generated for this webhook. Configure your endpoint to verify signatures with it.");
  }

  async function save() {
    setConfirmUntested(false);
    setSaving(true);
    setSaveError(null);
    try {
      const body = mode === "webhook" ? { mode, webhookUrl: trimmedUrl } : { mode };
      const result = await api<Saved>("/api/v1/settings/registration", { method: "PUT", body });
      if (result.secret) showGenerated(result.secret);
      qc.setQueryData(QUERY_KEY, { mode: result.mode, webhook: result.webhook });
      setToast(`Policy for new users saved: ${MODES.find((m) => m.value === result.mode)!.label}.`);
    } catch (e) {
      setSaveError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  function onSave() {
    if (mode === "webhook" && !trimmedUrl) return setSaveError("Enter the webhook URL first.");
    if (mode === "webhook" && !passedTest) return setConfirmUntested(true);
    void save();
  }

  async function sendTest() {
    setTestError(null);
    setTest(null);
    let sample: unknown;
    try {
      sample = JSON.parse(payload);
    } catch {
      return setTestError('The sample payload is not valid JSON: write {"userId": "…", "email": "…"}.');
    }
    if (!trimmedUrl) return setTestError("Enter the webhook URL first.");
    setTesting(true);
    try {
      const result = await api<PolicyTestResult>("/api/v1/settings/registration/test", { method: "POST", body: { url: trimmedUrl, payload: sample } });
      if (result.secret) showGenerated(result.secret);
      setTest(result);
      await refresh();
    } catch (e) {
      const err = e as ApiRequestError;
      const detail = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join("; ") : "";
      setTestError(detail ? `${err.message} (${detail})` : err.message);
    } finally {
      setTesting(false);
    }
  }

  async function rotate() {
    setConfirmRotate(false);
    try {
      const r = await api<{ secret: string }>("/api/v1/settings/registration/secret", { method: "POST", body: { action: "rotate" } });
      setSecret(r.secret);
      setSecretNote("The secret was rotated: requests are signed with the new one from now on. Update your endpoint.");
      await refresh();
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
          <Field id="policy-url" label="Webhook URL" type="url" placeholder="https://example.com/indexhook/new-user" value={url} onChange={(e) => setUrl(e.target.value)} />
          {settings.webhook ? (
            <SecretRow label="Signing secret" mask={settings.webhook.secretMasked} value={secret} onValue={setSecret} reveal={async () => (await api<{ secret: string }>("/api/v1/settings/registration/secret", { method: "POST", body: { action: "reveal" } })).secret}>
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
          <div className="space-y-2">
            <label htmlFor="policy-payload" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
              Sample payload
            </label>
            <textarea id="policy-payload" rows={4} className={`${inputClass} font-mono text-xs`} value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} />
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" variant="secondary" onClick={sendTest} disabled={testing}>
                {testing ? "Sending…" : "Send test"}
              </Button>
              {lastTest ? (
                <span className="text-xs text-zinc-500" data-testid="policy-last-test">
                  Last test {new Date(lastTest.at).toLocaleString()}: {lastTest.ok ? "answered" : "failed"}
                  {lastTest.url !== trimmedUrl ? " (another URL)" : ""}
                </span>
              ) : (
                <span className="text-xs text-zinc-500">Not tested yet. The test creates no account.</span>
              )}
            </div>
            {testError ? <Alert>{testError}</Alert> : null}
            {test ? <TestResult result={test} /> : null}
          </div>
        </div>
      ) : null}

      {saveError ? <Alert>{saveError}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="button" onClick={onSave} disabled={saving}>
          {saving ? "Saving…" : "Save policy"}
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
