"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useSetupStateReader } from "./queries";

type Problem = { kind: "credentials" | "unreachable" | "setup" } | { kind: "throttled"; minutes: number } | null;

export function LoginForm({ canSignUp = false }: { canSignUp?: boolean }) {
  const router = useRouter();
  const next = useSearchParams().get("next");
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const readSetupState = useSetupStateReader();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setProblem(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email")),
        password: String(form.get("password")),
        redirect: false,
      }).catch(() => undefined);
      if (!res || (res.status >= 500 && !res.error)) return setProblem({ kind: "unreachable" });
      const throttled = /^throttled:(\d+)$/.exec(res.error ?? "");
      if (throttled) return setProblem({ kind: "throttled", minutes: Math.max(1, Math.ceil(Number(throttled[1]) / 60)) });
      if (res.error) {
        // Tell "no admin yet" apart from wrong credentials; never whether the email exists.
        const state = await readSetupState();
        return setProblem({ kind: state?.needsSetup ? "setup" : state ? "credentials" : "unreachable" });
      }
      router.replace(next && next.startsWith("/") && !next.startsWith("//") ? next : "/overview");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {problem?.kind === "credentials" ? <Alert>Wrong email or password.</Alert> : null}
      {problem?.kind === "throttled" ? (
        <Alert>
          Too many failed sign-ins for this email. Try again in {problem.minutes} minute{problem.minutes === 1 ? "" : "s"}.
        </Alert>
      ) : null}
      {problem?.kind === "unreachable" ? <Alert>The server is unreachable. Check that Indexhook is running and try again.</Alert> : null}
      {problem?.kind === "setup" ? (
        <Alert>
          This instance has no users yet. <Link className="underline" href="/setup">Create the first admin</Link>.
        </Alert>
      ) : null}
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </Button>
      {canSignUp ? (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          New here?{" "}
          <Link className="font-medium text-indigo-600 underline-offset-2 hover:underline" href="/signup">
            Create an account
          </Link>
        </p>
      ) : null}
    </form>
  );
}
