// Browser-side calls to the users, invites and profile API (same origin; the session cookie authorises).
import { api } from "@/components/api/client";
import type { CreatedInviteDto, InviteDto, ProfileDto, UserDto } from "@/lib/contracts/users";
import type { Role } from "@/lib/auth/roles";

const enc = encodeURIComponent;

export const usersApi = {
  list: () => api<{ results: UserDto[] }>("/api/v1/users").then((r) => r.results),
  update: (id: string, body: { role?: Role; status?: "active" | "disabled"; name?: string }) =>
    api<UserDto>(`/api/v1/users/${enc(id)}`, { method: "PATCH", body }),
  remove: (id: string) => api<UserDto>(`/api/v1/users/${enc(id)}`, { method: "DELETE" }),
  invites: () => api<{ results: InviteDto[] }>("/api/v1/invites").then((r) => r.results),
  invite: (body: { email: string; role: Role }) => api<CreatedInviteDto>("/api/v1/invites", { method: "POST", body }),
  revokeInvite: (id: string) => api<InviteDto>(`/api/v1/invites/${enc(id)}`, { method: "DELETE" }),
  profile: () => api<ProfileDto>("/api/v1/profile"),
  rename: (name: string) => api<ProfileDto>("/api/v1/profile", { method: "PATCH", body: { name } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<null>("/api/v1/profile/password", { method: "POST", body: { currentPassword, newPassword } }),
};

export { fieldErrors, formatTime } from "@/components/api/client";

export const ROLE_LABEL: Record<Role, string> = { admin: "Admin", member: "Member", viewer: "Viewer" };
export const ROLE_HELP: Record<Role, string> = {
  admin: "everything, including users and settings",
  member: "manages indexes, keys, deploys and hooks",
  viewer: "reads the dashboard",
};
