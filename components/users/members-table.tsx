"use client";
// The Members tab: name + email, role (a select changed in place), status, evaluation, created, last
// sign-in, and Disable/Enable + Delete. The last active admin's demote/disable/delete are disabled
// with a tooltip saying why (the API refuses them anyway: 409 last_admin).
import type { UserDto } from "@/lib/contracts/users";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Select } from "@/components/ui/select";
import { When } from "@/components/ui/when";
import { ROLE_LABEL } from "./role-labels";

const SELF_DISABLE_TIP = "You cannot disable your own account: another admin can.";
const SELF_DELETE_TIP = "You cannot delete your own account: another admin can.";
export const LAST_ADMIN_TIP = "The last active admin cannot be demoted, disabled or deleted: make someone else an admin first.";

export function MembersTable({
  users,
  meId,
  onRole,
  onToggle,
  onDelete,
  busyId,
}: {
  users: UserDto[];
  meId: string;
  onRole: (u: UserDto, role: Role) => void;
  onToggle: (u: UserDto) => void;
  onDelete: (u: UserDto) => void;
  busyId: string | null;
}) {
  const activeAdmins = users.filter((u) => u.role === "admin" && u.status === "active").length;
  return (
    <Table label="Members">
      <thead>
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Last sign-in</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => {
          const lastAdmin = u.role === "admin" && u.status === "active" && activeAdmins <= 1;
          const isMe = u.id === meId;
          const label = u.name || u.email;
          const active = u.status === "active";
          // Why a control is off, for its title and the visible hint (principle 6: never disabled without a reason).
          const disableWhy = lastAdmin && active ? LAST_ADMIN_TIP : isMe && active ? SELF_DISABLE_TIP : null;
          const deleteWhy = lastAdmin ? LAST_ADMIN_TIP : isMe ? SELF_DELETE_TIP : null;
          const hint = lastAdmin ? "Last active admin: make someone else an admin to change this." : isMe ? "Your own account: another admin can disable or delete it." : null;
          const hintId = `user-hint-${u.id}`;
          return (
            <Tr key={u.id} data-testid={`user-row-${u.email}`}>
              <Td>
                <div className="font-medium">
                  {u.name}
                  {isMe ? <span className="ml-1 text-xs font-normal text-zinc-500">(you)</span> : null}
                </div>
                <div className="text-xs text-zinc-500">{u.email}</div>
              </Td>
              <Td>
                <span title={lastAdmin ? LAST_ADMIN_TIP : undefined}>
                  <Select
                    title={lastAdmin ? LAST_ADMIN_TIP : undefined}
                    aria-describedby={hint ? hintId : undefined}
                    aria-label={`Role of ${label}`}
                    className="w-32"
                    value={u.role}
                    disabled={busyId === u.id}
                    onChange={(e) => {
                      const role = e.target.value as Role;
                      if (lastAdmin && role !== "admin") return;
                      onRole(u, role);
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r} disabled={lastAdmin && r !== "admin"}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </Select>
                </span>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {u.status === "active" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}
                  {u.evaluation ? <Badge tone="warning">Evaluation</Badge> : null}
                </div>
              </Td>
              <Td className="whitespace-nowrap"><When at={u.createdAt} /></Td>
              <Td className="whitespace-nowrap"><When at={u.lastSignInAt} /></Td>
              <Td className="text-right whitespace-nowrap">
                <span title={disableWhy ?? undefined}>
                  <Button
                    variant="ghost"
                    className="disabled:opacity-40"
                    title={disableWhy ?? undefined}
                    aria-describedby={hint ? hintId : undefined}
                    disabled={!!disableWhy || busyId === u.id}
                    aria-label={`${u.status === "active" ? "Disable" : "Enable"} ${label}`}
                    onClick={() => onToggle(u)}
                  >
                    {u.status === "active" ? "Disable" : "Enable"}
                  </Button>
                </span>
                <span title={deleteWhy ?? undefined}>
                  <Button
                    variant="ghost"
                    className="text-red-600! disabled:opacity-40 dark:text-red-400!"
                    title={deleteWhy ?? undefined}
                    aria-describedby={hint ? hintId : undefined}
                    disabled={!!deleteWhy || busyId === u.id}
                    aria-label={`Delete ${label}`}
                    onClick={() => onDelete(u)}
                  >
                    Delete
                  </Button>
                </span>
                {/* Said on screen too: a tooltip on a disabled button is not shown to touch or keyboard users. */}
                {hint ? (
                  <p id={hintId} data-testid="user-row-hint" className="ml-auto max-w-56 whitespace-normal pr-3 text-right text-xs text-zinc-500">
                    {hint}
                  </p>
                ) : null}
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
