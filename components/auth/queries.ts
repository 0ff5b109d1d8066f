"use client";
// The signed-out pages' calls: first-run setup, sign-up, an invite's lookup and acceptance, and the
// instance state the login form reads after a failed sign-in. Signing in itself goes through next-auth.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import type { SignupInput } from "@/lib/contracts/registration";
import type { SetupInput } from "@/lib/contracts/system";
import type { AcceptInviteInput } from "@/lib/contracts/users";
import { api } from "@/components/api/client";

export const authKeys = {
  setup: ["setup"] as const,
  invite: (token: string) => ["invites", "lookup", token] as const,
};

export type InviteSummary = { email: string; role: Role; expiresAt: string };

export function useSetupMutation() {
  return useMutation({ mutationFn: (input: SetupInput) => api("/api/v1/setup", { method: "POST", body: input }) });
}

export function useSignupMutation() {
  return useMutation({ mutationFn: (input: SignupInput) => api("/api/v1/signup", { method: "POST", body: input }) });
}

/** What an invite link is for; a dead link is an error (its code says why), never retried. */
export function useInviteLookup(token: string) {
  return useQuery({
    queryKey: authKeys.invite(token),
    queryFn: () => api<InviteSummary>("/api/v1/invites/lookup", { method: "POST", body: { token } }),
    retry: false,
  });
}

export function useAcceptInviteMutation() {
  return useMutation({ mutationFn: (input: AcceptInviteInput) => api("/api/v1/invites/accept", { method: "POST", body: input }) });
}

/** Reads, on demand, whether the instance still waits for its first admin; null when unreachable. */
export function useSetupStateReader() {
  const qc = useQueryClient();
  return () =>
    qc
      .fetchQuery({ queryKey: authKeys.setup, queryFn: () => api<{ needsSetup: boolean }>("/api/v1/setup"), staleTime: 0, retry: false })
      .catch(() => null);
}
