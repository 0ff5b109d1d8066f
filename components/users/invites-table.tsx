"use client";
// The Invited tab: open invitations (pending or expired), who sent them, when they expire, Revoke.
import type { InviteDto } from "@/lib/contracts/users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { ROLE_LABEL } from "./role-labels";

function inviter(i: InviteDto): string {
  if (i.invitedBy === "master") return "Master key";
  return i.invitedByName ?? i.invitedBy;
}

export function InvitesTable({ invites, onRevoke }: { invites: InviteDto[]; onRevoke: (i: InviteDto) => void }) {
  return (
    <Table label="Invitations">
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Invited by</Th>
          <Th>Expires</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {invites.map((i) => (
          <Tr key={i.id}>
            <Td className="font-medium">{i.email}</Td>
            <Td>{ROLE_LABEL[i.role]}</Td>
            <Td className="text-zinc-600 dark:text-zinc-400">{inviter(i)}</Td>
            <Td className="whitespace-nowrap">
              <When at={i.expiresAt} /> {i.status === "expired" ? <Badge tone="warning">Expired</Badge> : null}
            </Td>
            <Td className="text-right">
              <Button variant="ghost" className="text-red-600! dark:text-red-400!" aria-label={`Revoke invite for ${i.email}`} onClick={() => onRevoke(i)}>
                Revoke
              </Button>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
