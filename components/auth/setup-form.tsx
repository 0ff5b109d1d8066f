"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, type ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AccountFields, type AccountFieldErrors } from "./account-fields";
import { useSetupMutation } from "./queries";


export function SetupForm() {
  const router = useRouter();
  const setup = useSetupMutation();
  const [errors, setErrors] = useState<AccountFieldErrors>({});
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
        await setup.mutateAsync({ name: form.name, email: form.email, password: form.password });
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
      <AccountFields errors={errors} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
