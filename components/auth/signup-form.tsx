"use client";
// Sign-up under the registration policy: the server decides (open, or the policy webhook). A refusal
// and a policy that could not be reached are told apart, and neither creates an account.
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, type ApiRequestError } from "@/components/api/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AccountFields, type AccountFieldErrors } from "./account-fields";
import { useSignupMutation } from "./queries";

type Problem =
  | { kind: "refused" | "closed" | "taken" | "unreachable" | "signin" }
  | { kind: "unavailable" | "invalid"; message: string }
  | null;

export function SignupForm() {
  const router = useRouter();
  const signup = useSignupMutation();
  const [errors, setErrors] = useState<AccountFieldErrors>({});
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      try {
        await signup.mutateAsync({ name: form.name, email: form.email, password: form.password });
      } catch (err) {
        const e = err as ApiRequestError;
        if (e.code === "unreachable") return setProblem({ kind: "unreachable" });
        if (e.code === "access_refused") return setProblem({ kind: "refused" });
        if (e.code === "registration_closed") return setProblem({ kind: "closed" });
        if (e.code === "invite_pending") return setProblem({ kind: "invalid", message: e.message });
        if (e.status === 409) return setProblem({ kind: "taken" });
        if (e.status === 503) return setProblem({ kind: "unavailable", message: e.message });
        setErrors(fieldErrors(e.details));
        return setProblem({ kind: "invalid", message: e.message });
      }
      const signedIn = await signIn("credentials", { email: form.email, password: form.password, redirect: false }).catch(() => undefined);
      if (!signedIn || signedIn.error) return setProblem({ kind: "signin" });
      router.replace("/overview");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="signup-form">
      {problem?.kind === "refused" ? (
        <Alert>
          <strong>Access was refused.</strong> This instance&apos;s policy for new users did not admit this address, and no account was created.
          Contact the administrator if you think this is a mistake.
        </Alert>
      ) : null}
      {problem?.kind === "unavailable" ? (
        <Alert>
          <strong>Your sign-up could not be confirmed.</strong> {problem.message}
        </Alert>
      ) : null}
      {problem?.kind === "closed" ? <Alert>Sign-up is by invitation only on this instance. Ask an admin to invite you.</Alert> : null}
      {problem?.kind === "taken" ? (
        <Alert>
          An account with this email already exists. <Link className="underline" href="/login">Sign in</Link> instead.
        </Alert>
      ) : null}
      {problem?.kind === "unreachable" ? <Alert>The server is unreachable. Check that Indexhook is running and try again.</Alert> : null}
      {problem?.kind === "signin" ? (
        <Alert tone="info">
          Your account was created, but signing in failed. <Link className="underline" href="/login">Sign in</Link> with your email and password.
        </Alert>
      ) : null}
      {problem?.kind === "invalid" ? <Alert>{problem.message}</Alert> : null}
      <AccountFields errors={errors} />
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Creating…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link className="font-medium text-indigo-600 underline-offset-2 hover:underline" href="/login">
          Sign in
        </Link>
      </p>
    </form>
  );
}
