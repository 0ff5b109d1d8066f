"use client";
// The Members tab: name + email, role (a select changed in place), status, evaluation, created, last
// sign-in, and Disable/Enable + Delete. The last active admin's demote/disable/delete are disabled
// with a tooltip saying why (the API refuses them anyway: 409 last_admin).
import type { UserDto } from "@/lib/contracts/users";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { formatTime, ROLE_LABEL } from "./users-api";

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
  const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500";
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm" aria-label="Members">
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th className={th}>User</th>
            <th className={th}>Role</th>
            <th className={th}>Status</th>
            <th className={th}>Created</th>
            <th className={th}>Last sign-in</th>
            <th className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const lastAdmin = u.role === "admin" && u.status === "active" && activeAdmins <= 1;
            const isMe = u.id === meId;
            const label = u.name || u.email;
            return (
              <tr key={u.id} data-testid={`user-row-${u.email}`} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-3 py-2">
                  <div className="font-medium">
                    {u.name}
                    {isMe ? <span className="ml-1 text-xs font-normal text-zinc-500">(you)</span> : null}
                  </div>
                  <div className="text-xs text-zinc-500">{u.email}</div>
                </td>
                <td className="px-3 py-2">
                  <span title={lastAdmin ? LAST_ADMIN_TIP : undefined}>
                    <Select
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
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap gap-1">
                    {u.status === "active" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}
                    {u.evaluation ? <Badge tone="warning">Evaluation</Badge> : null}
                  </div>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatTime(u.createdAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatTime(u.lastSignInAt)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <span title={lastAdmin && u.status === "active" ? LAST_ADMIN_TIP : isMe && u.status === "active" ? "You cannot disable yourself here." : undefined}>
                    <Button
                      variant="ghost"
                      disabled={(lastAdmin && u.status === "active") || (isMe && u.status === "active") || busyId === u.id}
                      aria-label={`${u.status === "active" ? "Disable" : "Enable"} ${label}`}
                      onClick={() => onToggle(u)}
                    >
                      {u.status === "active" ? "Disable" : "Enable"}
                    </Button>
                  </span>
                  <span title={lastAdmin ? LAST_ADMIN_TIP : isMe ? "You cannot delete your own account." : undefined}>
                    <Button
                      variant="ghost"
                      className="text-red-600! dark:text-red-400!"
                      disabled={lastAdmin || isMe || busyId === u.id}
                      aria-label={`Delete ${label}`}
                      onClick={() => onDelete(u)}
                    >
                      Delete
                    </Button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
