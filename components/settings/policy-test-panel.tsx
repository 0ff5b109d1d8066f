"use client";
// "Send test": posts a sample sign-up to the webhook URL being edited and shows the exchange; the test
// creates no account. A first test may generate the signing secret, which the parent shows once.
import { useState } from "react";
import { When } from "@/components/ui/when";
import type { RegistrationSettingsDto } from "@/lib/contracts/registration";
import type { ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/select";
import { TestResult } from "./policy-test-result";
import { useTestPolicyMutation } from "./queries";

const samplePayload = () => JSON.stringify({ userId: "usr_sampleUser000001", email: "someone@example.com" }, null, 2);

export function PolicyTestPanel({ url, lastTest, onSecret }: { url: string; lastTest: NonNullable<RegistrationSettingsDto["webhook"]>["lastTest"] | null; onSecret: (secret: string) => void }) {
  const [payload, setPayload] = useState(samplePayload);
  const [testError, setTestError] = useState<string | null>(null);
  const test = useTestPolicyMutation();
  // An error about the URL ("Enter the webhook URL first.") is stale once the URL changes.
  const [testedUrl, setTestedUrl] = useState(url);
  if (url !== testedUrl) {
    setTestedUrl(url);
    setTestError(null);
  }

  async function sendTest() {
    setTestError(null);
    test.reset();
    let sample: unknown;
    try {
      sample = JSON.parse(payload);
    } catch {
      return setTestError('The sample payload is not valid JSON: write {"userId": "…", "email": "…"}.');
    }
    if (!url) return setTestError("Enter the webhook URL first.");
    try {
      const result = await test.mutateAsync({ url, payload: sample });
      if (result.secret) onSecret(result.secret);
    } catch (e) {
      const err = e as ApiRequestError;
      const detail = Array.isArray(err.details) ? (err.details as { path: string; message: string }[]).map((d) => `${d.path}: ${d.message}`).join("; ") : "";
      setTestError(detail ? `${err.message} (${detail})` : err.message);
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor="policy-payload" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Sample payload
      </label>
      <textarea id="policy-payload" rows={4} className={`${inputClass} font-mono text-xs`} value={payload} onChange={(e) => setPayload(e.target.value)} spellCheck={false} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={sendTest} disabled={test.isPending}>
          {test.isPending ? "Sending…" : "Send test"}
        </Button>
        {lastTest ? (
          <span className="text-xs text-zinc-500" data-testid="policy-last-test">
            Last test <When at={lastTest.at} />: {lastTest.ok ? "answered" : "failed"}
            {lastTest.url !== url ? " (another URL)" : ""}
          </span>
        ) : (
          <span className="text-xs text-zinc-500">Not tested yet. The test creates no account.</span>
        )}
      </div>
      {testError ? <Alert>{testError}</Alert> : null}
      {test.data ? <TestResult result={test.data} /> : null}
    </div>
  );
}
