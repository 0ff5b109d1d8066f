"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, type ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AccountFields, type AccountFieldErrors } from "./account-fields";
import { useSetupMutation } from "./queries";


/** `codeRequired`: the visitor is not on the server's machine, so the log's setup code is asked for. */
export function SetupForm({ codeRequired }: { codeRequired: boolean }) {
  const router = useRouter();
  const setup = useSetupMutation();
  const [errors, setErrors] = useState<AccountFieldErrors & { setupCode?: string }>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      try {
        await setup.mutateAsync({ name: form.name, email: form.email, password: form.password, ...(codeRequired ? { setupCode: form.setupCode } : {}) });
      } catch (err) {
        const e = err as ApiRequestError;
        // Someone else finished setup meanwhile: sign in instead.
        if (e.status === 409) return router.replace("/login");
        setErrors(fieldErrors(e.details));
        return setMessage(e.message);
      }
      await signIn("credentials", { email: form.email, password: form.password, redirect: false });
      router.replace("/overview");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      {codeRequired ? (
        <div className="space-y-1">
          <Field id="setup-code" name="setupCode" label="Setup code" autoComplete="off" spellCheck={false} aria-describedby="setup-code-hint" error={errors.setupCode} required />
          <p id="setup-code-hint" className="text-xs text-zinc-500">
            Printed in the server&apos;s log when it started (&ldquo;one-time setup code: …&rdquo;), or the value of INDEXHOOK_SETUP_CODE.
            Opening this page on the server&apos;s own machine (localhost) does not ask for it.
          </p>
        </div>
      ) : null}
      <AccountFields errors={errors} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
