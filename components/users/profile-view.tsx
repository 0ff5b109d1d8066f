"use client";
// The Profile page: display name, and password change (current, new, confirm). A password change
// ends every session of the user; this page signs straight back in with the new password.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiRequestError, fieldErrors } from "@/components/api/errors";
import { When } from "@/components/ui/when";
import type { ProfileDto } from "@/lib/contracts/users";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { useChangePasswordMutation, useRenameMutation } from "./queries";
import { ROLE_HELP, ROLE_LABEL } from "./role-labels";

export function ProfileView({ initial }: { initial: ProfileDto }) {
  const router = useRouter();
  const [profile, setProfile] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [saved, setSaved] = useState(false);
  const rename = useRenameMutation();
  const renameTo = (next: string) =>
    rename.mutate(next, {
      onSuccess: (p) => {
        setProfile(p);
        setName(p.name);
        setSaved(true);
        router.refresh(); // the shell shows the name too
      },
    });
  const nameError = rename.error instanceof ApiRequestError ? fieldErrors(rename.error.details).name : undefined;

  return (
    <>
      <PageHeader title="Profile" description="Your name and password." />
      <div className="grid max-w-2xl gap-4">
        <Card>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-zinc-500">Email</dt>
            <dd data-testid="profile-email">{profile.email}</dd>
            <dt className="text-zinc-500">Role</dt>
            <dd>
              {ROLE_LABEL[profile.role]} <span className="text-zinc-500">— {ROLE_HELP[profile.role]}</span>{" "}
              {profile.evaluation ? <Badge tone="warning">Evaluation</Badge> : null}
            </dd>
            <dt className="text-zinc-500">Member since</dt>
            <dd><When at={profile.createdAt} /></dd>
          </dl>
          <p className="mt-2 text-xs text-zinc-500">Only an admin can change your role.</p>
        </Card>
        <Card>
          <form
            className="space-y-3"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(false);
              renameTo(name);
            }}
          >
            <h2 className="font-medium">Display name</h2>
            {rename.error && !nameError ? <Alert>{rename.error.message}</Alert> : null}
            <Field id="display-name" label="Name" value={name} onChange={(e) => (setName(e.target.value), setSaved(false))} error={nameError} autoComplete="name" />
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={rename.isPending || name.trim() === profile.name}>
                {rename.isPending ? "Saving…" : "Save name"}
              </Button>
              {saved ? (
                <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
                  Name saved.
                </span>
              ) : null}
            </div>
          </form>
        </Card>
        <PasswordCard email={profile.email} />
      </div>
    </>
  );
}

function PasswordCard({ email }: { email: string }) {
  const router = useRouter();
  const changePassword = useChangePasswordMutation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = Object.fromEntries(new FormData(formEl)) as Record<string, string>;
    setErrors({});
    setMessage(null);
    setDone(false);
    if (form.newPassword !== form.confirm) return setErrors({ confirm: "the passwords do not match" });
    setBusy(true);
    try {
      try {
        await changePassword.mutateAsync({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      } catch (err) {
        const error = err as ApiRequestError;
        if (error.code === "wrong_password") return setErrors({ currentPassword: "this is not your current password" });
        setErrors(fieldErrors(error.details));
        return setMessage(error.message);
      }
      // Every session ended with the old password, this one too: sign in again with the new one.
      const again = await signIn("credentials", { redirect: false, email, password: form.newPassword });
      if (!again?.ok) {
        router.replace("/login");
        return;
      }
      formEl.reset();
      setDone(true);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <form className="space-y-3" noValidate onSubmit={onSubmit}>
        <h2 className="font-medium">Password</h2>
        <p className="text-xs text-zinc-500">Changing it signs you out everywhere else.</p>
        {message ? <Alert>{message}</Alert> : null}
        <Field id="currentPassword" name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={errors.currentPassword} required />
        <Field id="newPassword" name="newPassword" type="password" label="New password (8 characters or more)" autoComplete="new-password" error={errors.newPassword} required />
        <Field id="confirm" name="confirm" type="password" label="Confirm new password" autoComplete="new-password" error={errors.confirm} required />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? "Changing…" : "Change password"}
          </Button>
          {done ? (
            <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Password changed.
            </span>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
