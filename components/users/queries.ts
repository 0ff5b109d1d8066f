"use client";
// TanStack Query hooks for the users, invites and profile API (same origin; the session cookie authorises).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { CreatedInviteDto, InviteDto, ProfileDto, UserDto } from "@/lib/contracts/users";
import type { Role } from "@/lib/auth/roles";

export const usersKeys = {
  users: ["users"] as const,
  invites: ["invites"] as const,
};

const enc = encodeURIComponent;

export function useUsers(initial: UserDto[]) {
  return useQuery({ queryKey: usersKeys.users, queryFn: () => api<{ results: UserDto[] }>("/api/v1/users").then((r) => r.results), initialData: initial });
}

export function useInvites(initial: InviteDto[]) {
  return useQuery({ queryKey: usersKeys.invites, queryFn: () => api<{ results: InviteDto[] }>("/api/v1/invites").then((r) => r.results), initialData: initial });
}

/** Role change or disable/enable; the list refetches whatever the outcome (an Undo may follow). */
export function useUpdateUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ u, body }: { u: UserDto; body: { role?: Role; status?: "active" | "disabled" } }) => api<UserDto>(`/api/v1/users/${enc(u.id)}`, { method: "PATCH", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: usersKeys.users }),
  });
}

export function useDeleteUserMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: UserDto) => api<UserDto>(`/api/v1/users/${enc(u.id)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: usersKeys.users }),
  });
}

export function useInviteMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) => api<CreatedInviteDto>("/api/v1/invites", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKeys.invites }),
  });
}

export function useRevokeInviteMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: InviteDto) => api<InviteDto>(`/api/v1/invites/${enc(i.id)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: usersKeys.invites }),
  });
}

export function useRenameMutation() {
  return useMutation({ mutationFn: (name: string) => api<ProfileDto>("/api/v1/profile", { method: "PATCH", body: { name } }) });
}

export function useChangePasswordMutation() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      api<null>("/api/v1/profile/password", { method: "POST", body: { currentPassword, newPassword } }),
  });
}
