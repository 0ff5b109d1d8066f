// How the dashboard names and explains each role.
import type { Role } from "@/lib/auth/roles";

export const ROLE_LABEL: Record<Role, string> = { admin: "Admin", member: "Member", viewer: "Viewer" };
export const ROLE_HELP: Record<Role, string> = {
  admin: "everything, including users and settings",
  member: "manages indexes, keys, deploys and hooks",
  viewer: "reads the dashboard",
};
