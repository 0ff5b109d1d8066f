"use client";
// The Invited tab: open invitations (pending or expired), who sent them, when they expire, Revoke.
import type { InviteDto } from "@/lib/contracts/users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatTime, ROLE_LABEL } from "./users-api";

function inviter(i: InviteDto): string {
  if (i.invitedBy === "master") return "Master key";
  return i.invitedByName ?? i.invitedBy;
}

export function InvitesTable({ invites, onRevoke }: { invites: InviteDto[]; onRevoke: (i: InviteDto) => void }) {
  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500";
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm" aria-label="Invitations">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className={th}>Email</th>
            <th className={th}>Role</th>
            <th className={th}>Invited by</th>
            <th className={th}>Expires</th>
            <th className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((i) => (
            <tr key={i.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="px-3 py-2 font-medium">{i.email}</td>
              <td className="px-3 py-2">{ROLE_LABEL[i.role]}</td>
              <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{inviter(i)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatTime(i.expiresAt)} {i.status === "expired" ? <Badge tone="warning">Expired</Badge> : null}
              </td>
              <td className="px-3 py-2 text-right">
                <Button variant="ghost" className="text-red-600! dark:text-red-400!" aria-label={`Revoke invite for ${i.email}`} onClick={() => onRevoke(i)}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
