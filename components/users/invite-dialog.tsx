"use client";
// "Invite user": email + role, then a shown-once step with the link and Copy. The link leaves the
// DOM when the dialog closes; only its hash is on the server.
import { useState, type FormEvent } from "react";
import { ApiRequestError, fieldErrors } from "@/components/api/errors";
import { When } from "@/components/ui/when";
import type { CreatedInviteDto } from "@/lib/contracts/users";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-value";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useInviteMutation } from "./queries";
import { ROLE_HELP, ROLE_LABEL } from "./role-labels";

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const [created, setCreated] = useState<CreatedInviteDto | null>(null);
  const [role, setRole] = useState<Role>("member");
  const invite = useInviteMutation();
  const errors = invite.error instanceof ApiRequestError ? fieldErrors(invite.error.details) : {};

  if (created) return <ShownOnce invite={created} onClose={onClose} />;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "");
    invite.mutate({ email, role }, { onSuccess: setCreated });
  }

  return (
    <Dialog title="Invite a user" description="They get a link, valid for 7 days, to set their password. Invites skip the new-user policy: you already decided." onCancel={onClose}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {invite.error ? <Alert>{invite.error.message}</Alert> : null}
        <Field id="invite-email" name="email" type="email" label="Email" autoComplete="off" error={errors.email} required autoFocus />
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
            Role
          </label>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]} — {ROLE_HELP[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Create invite link"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ShownOnce({ invite, onClose }: { invite: CreatedInviteDto; onClose: () => void }) {
  return (
    <Dialog title={`Invite link for ${invite.email}`} description="You won't see this link again: copy it and send it to them." onCancel={onClose}>
      <div className="space-y-4">
        <CopyValue value={invite.url} label="Invite link" noun="link" small />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Role: <strong>{ROLE_LABEL[invite.role]}</strong>. Valid until <When at={invite.expiresAt} />. Inviting the same email again replaces this link.
        </p>
        <div className="flex justify-end">
          <Button onClick={onClose}>Done</Button>
        </div>
      </div>
    </Dialog>
  );
}
