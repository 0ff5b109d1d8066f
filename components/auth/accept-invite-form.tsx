"use client";
// The invite link's page: looks the token up, shows the email and role, and takes a name and a
// password (twice). On success it signs in and goes to the overview. Dead links say why.
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, type ApiRequestError } from "@/components/api/errors";
import { When } from "@/components/ui/when";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ROLE_HELP, ROLE_LABEL } from "@/components/users/role-labels";

import { useAcceptInviteMutation, useInviteLookup, type InviteSummary } from "./queries";

type Lookup = { state: "loading" } | ({ state: "ok" } & InviteSummary) | { state: "dead"; code: string; message: string };

const DEAD: Record<string, { title: string; text: string }> = {
  invite_expired: { title: "This invite has expired", text: "Invite links are valid for 7 days. Ask an admin of this instance for a new one." },
  invite_not_found: {
    title: "This invite link is not valid",
    text: "It may have been used already, replaced by a newer invite, or revoked. Ask an admin for a new link, or sign in if you already have an account.",
  },
};

export function AcceptInviteForm({ token }: { token: string }) {
  const router = useRouter();
  const found = useInviteLookup(token);
  const accept = useAcceptInviteMutation();
  // Accepting can find the link dead too (used or revoked meanwhile): that overrides the lookup.
  const [diedOnSubmit, setLookup] = useState<Lookup | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup: Lookup =
    diedOnSubmit ??
    (found.data
      ? { state: "ok", ...found.data }
      : found.error
        ? { state: "dead", code: (found.error as ApiRequestError).code, message: found.error.message }
        : { state: "loading" });

  if (lookup.state === "loading") return <p className="text-sm text-zinc-500">Checking your invite…</p>;
  if (lookup.state === "dead") {
    const d = DEAD[lookup.code] ?? { title: "This invite cannot be used", text: lookup.message };
    return (
      <div className="space-y-3" data-testid="invite-dead">
        <h1 className="text-lg font-semibold">{d.title}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{d.text}</p>
        <Link href="/login" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Go to sign in
        </Link>
      </div>
    );
  }

  const { email, role, expiresAt } = lookup;
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setErrors({});
    setMessage(null);
    if (form.password !== form.confirm) {
      setErrors({ confirm: "the passwords do not match" });
      return;
    }
    setBusy(true);
    try {
      await accept.mutateAsync({ token, name: form.name, password: form.password });
      const res = await signIn("credentials", { redirect: false, email, password: form.password });
      if (!res?.ok) {
        router.replace("/login");
        return;
      }
      router.replace("/overview");
      router.refresh();
    } catch (err) {
      const e = err as ApiRequestError;
      if (e.code === "invite_expired" || e.code === "invite_not_found" || e.code === "invite_revoked") setLookup({ state: "dead", code: e.code, message: e.message });
      else {
        setErrors(fieldErrors(e.details));
        setMessage(e.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="mb-1 text-lg font-semibold">Join Indexhook</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400" data-testid="invite-summary">
        You were invited as <strong>{email}</strong> with the <strong>{ROLE_LABEL[role]}</strong> role ({ROLE_HELP[role]}). The link is
        valid until <When at={expiresAt} />.
      </p>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {message ? <Alert>{message}</Alert> : null}
        <Field id="name" name="name" label="Your name" autoComplete="name" error={errors.name} required autoFocus />
        <Field id="password" name="password" type="password" label="Password (8 characters or more)" autoComplete="new-password" error={errors.password} required />
        <Field id="confirm" name="confirm" type="password" label="Confirm password" autoComplete="new-password" error={errors.confirm} required />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </Button>
      </form>
    </>
  );
}
