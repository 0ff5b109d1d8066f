"use client";
// The signed-in user's role for client components: hides actions the role may not take. The API
// refuses them anyway; this only keeps buttons that would fail off the page.
import { createContext, useContext, type ReactNode } from "react";
import { roleAtLeast } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";

const RoleContext = createContext<Role>("viewer");

export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export function useRole(): Role {
  return useContext(RoleContext);
}

/** True when the signed-in user has at least `min`. */
export function useCan(min: Role): boolean {
  return roleAtLeast(useRole(), min);
}

/** Renders children only for `min` and above. */
export function Can({ min, children, fallback = null }: { min: Role; children: ReactNode; fallback?: ReactNode }) {
  return useCan(min) ? <>{children}</> : <>{fallback}</>;
}
