"use client";
// TanStack Query hooks for Settings → Policy for new users; every key starts with "settings".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PolicyTestResult, RegistrationMode, RegistrationSettingsDto } from "@/lib/contracts/registration";
import { api } from "@/components/api/client";

export const settingsKeys = {
  registration: ["settings", "registration"] as const,
};

const REGISTRATION = "/api/v1/settings/registration";

/** The saved policy; `secret` is only present when this save generated the signing secret. */
export type SavedRegistration = RegistrationSettingsDto & { secret?: string };

export function useRegistrationSettings(initial: RegistrationSettingsDto) {
  return useQuery({ queryKey: settingsKeys.registration, queryFn: () => api<RegistrationSettingsDto>(REGISTRATION), initialData: initial });
}

export function useSaveRegistrationMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { mode: RegistrationMode; webhookUrl?: string }) => api<SavedRegistration>(REGISTRATION, { method: "PUT", body: input }),
    // The answer is the saved policy: no refetch needed (and the shown-once secret stays out of the cache).
    onSuccess: (saved) => qc.setQueryData(settingsKeys.registration, { mode: saved.mode, webhook: saved.webhook }),
  });
}

/** Sends a sample sign-up to `url`; the server records the test on the saved policy, so refetch it. */
export function useTestPolicyMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { url: string; payload: unknown }) => api<PolicyTestResult>(`${REGISTRATION}/test`, { method: "POST", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.registration }),
  });
}

/** "reveal" reads the signing secret; "rotate" replaces it (the masked value changes, so refetch). */
export function usePolicySecretMutation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: "reveal" | "rotate") => api<{ secret: string }>(`${REGISTRATION}/secret`, { method: "POST", body: { action } }),
    onSuccess: (_r, action) => (action === "rotate" ? qc.invalidateQueries({ queryKey: settingsKeys.registration }) : undefined),
  });
}
