"use client";
// The Users page: Members | Invited tabs (in the URL), role changes in place with an Undo toast,
// disable/enable (sessions end at once), delete, and the invite flow.
import { useCallback, useState } from "react";
import type { InviteDto, UserDto } from "@/lib/contracts/users";
import type { Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, useUrlParam } from "@/components/ui/tabs";
import { InviteDialog } from "./invite-dialog";
import { InvitesTable } from "./invites-table";
import { MembersTable } from "./members-table";
import { Toast, type ToastState } from "@/components/ui/toast";
import { useDeleteUserMutation, useInvites, useRevokeInviteMutation, useUpdateUserMutation, useUsers } from "./queries";
import { ROLE_LABEL } from "./role-labels";

export function UsersView({ meId, initialUsers, initialInvites }: { meId: string; initialUsers: UserDto[]; initialInvites: InviteDto[] }) {
  const [tab, setTab] = useUrlParam("tab", "members");
  const users = useUsers(initialUsers);
  const invites = useInvites(initialInvites);
  const [inviting, setInviting] = useState(false);
  const [toggling, setToggling] = useState<UserDto | null>(null);
  const [deleting, setDeleting] = useState<UserDto | null>(null);
  const [revoking, setRevoking] = useState<InviteDto | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const clearToast = useCallback(() => setToast(null), []);
  const say = (message: string, extra: Partial<ToastState> = {}) => setToast({ id: Date.now(), message, ...extra });

  const update = useUpdateUserMutation();
  const remove = useDeleteUserMutation();
  const revoke = useRevokeInviteMutation();

  function changeRole(u: UserDto, role: Role, undoable = true) {
    const before = u.role;
    update.mutate(
      { u, body: { role } },
      {
        onSuccess: (after) =>
          say(
            `${after.name || after.email} is now ${ROLE_LABEL[after.role].toLowerCase()}.`,
            undoable ? { action: { label: "Undo", run: () => changeRole(after, before, false) } } : {},
          ),
        onError: (err) => say(err.message, { tone: "error" }),
      },
    );
  }

  const busyId = update.isPending ? (update.variables?.u.id ?? null) : null;
  const pending = invites.data.length;
  return (
    <>
      <PageHeader title="Users" description="Who can use this dashboard, and with which role." actions={<Button onClick={() => setInviting(true)}>Invite user</Button>} />
      <Tabs
        label="Users"
        value={tab}
        onChange={setTab}
        tabs={[
          { id: "members", label: `Members (${users.data.length})` },
          { id: "invited", label: `Invited (${pending})` },
        ]}
      />
      {tab === "invited" ? (
        pending === 0 ? (
          <Card className="text-center">
            <p className="font-medium">No open invitations</p>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Invite someone: they get a link valid for 7 days.</p>
          </Card>
        ) : (
          <InvitesTable invites={invites.data} onRevoke={setRevoking} />
        )
      ) : (
        <MembersTable
          users={users.data}
          meId={meId}
          busyId={busyId}
          onRole={(u, role) => changeRole(u, role)}
          onToggle={setToggling}
          onDelete={setDeleting}
        />
      )}
      {users.error ? <p className="mt-2 text-sm text-red-600">Could not refresh the list: {users.error.message}</p> : null}

      {inviting ? <InviteDialog onClose={() => setInviting(false)} /> : null}
      <ConfirmDialog
        open={!!toggling}
        title={toggling?.status === "active" ? `Disable ${toggling?.name || toggling?.email}?` : `Enable ${toggling?.name || toggling?.email}?`}
        confirmLabel={toggling?.status === "active" ? "Disable user" : "Enable user"}
        danger={toggling?.status === "active"}
        busy={update.isPending}
        onCancel={() => setToggling(null)}
        onConfirm={() => {
          const u = toggling!;
          const status = u.status === "active" ? "disabled" : "active";
          update.mutate(
            { u, body: { status } },
            {
              onSuccess: (after) => say(status === "disabled" ? `${after.email} is disabled and signed out.` : `${after.email} can sign in again.`),
              onError: (err) => say(err.message, { tone: "error" }),
              onSettled: () => setToggling(null),
            },
          );
        }}
      >
        {toggling?.status === "active" ? (
          <p>
            <strong>{toggling.email}</strong> is signed out everywhere at once and cannot sign in until enabled again. Invites they sent
            are revoked. Their API keys keep working: revoke them on Developer tools if needed.
          </p>
        ) : (
          <p>
            <strong>{toggling?.email}</strong> can sign in again with their password, as {toggling ? ROLE_LABEL[toggling.role].toLowerCase() : ""}.
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={!!deleting}
        title={`Delete ${deleting?.name || deleting?.email}?`}
        confirmLabel="Delete user"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          remove.mutate(deleting!, {
            onSuccess: (u) => say(`${u.email} was deleted.`),
            onError: (err) => say(err.message, { tone: "error" }),
            onSettled: () => setDeleting(null),
          })
        }
      >
        <p>
          <strong>{deleting?.name}</strong> ({deleting?.email}) loses access at once and their account is removed. This cannot be undone;
          invite them again to give access back. Invites they sent are revoked; API keys they created keep working (revoke them on
          Developer tools if needed). The audit log keeps what they did.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={!!revoking}
        title={`Revoke the invite for ${revoking?.email}?`}
        confirmLabel="Revoke invite"
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoke.mutate(revoking!, {
            onSuccess: (i) => say(`The invite for ${i.email} was revoked.`),
            onError: (err) => say(err.message, { tone: "error" }),
            onSettled: () => setRevoking(null),
          })
        }
      >
        <p>The link stops working at once.</p>
      </ConfirmDialog>
      <Toast key={toast?.id} toast={toast} onDone={clearToast} />
    </>
  );
}
