// Browser-side calls to the hooks and inspector APIs. Secrets only arrive from the reveal actions and
// live in component state while shown; nothing here caches them.
import type { CreateHookInput, HookDto, UpdateHookInput } from "@/lib/contracts/hooks";
import type { InspectedRequestDto } from "@/lib/contracts/inspector";
import { api } from "@/components/api/client";

export type CreatedHook = HookDto & { secret: string; token: string };
export type SecretInfo = { secret: string; previousSecret: string | null; previousSecretExpiresAt: string | null };
/** The form's shape: zod defaults are filled in by the server, so every field may be sent as is. */
export type HookFormInput = Partial<CreateHookInput> & { url: string };

// The shared same-origin client: the session cookie authorises it and it throws the error envelope.
const call = <T>(method: string, path: string, body?: unknown) => api<T>(path, { method, body });

const hook = (uuid: string) => `/api/v1/hooks/${encodeURIComponent(uuid)}`;

export const hooksApi = {
  list: () => call<{ results: HookDto[] }>("GET", "/api/v1/hooks").then((r) => r.results),
  get: (uuid: string) => call<HookDto>("GET", hook(uuid)),
  create: (input: HookFormInput) => call<CreatedHook>("POST", "/api/v1/hooks", input),
  update: (uuid: string, input: UpdateHookInput) => call<HookDto>("PATCH", hook(uuid), input),
  remove: (uuid: string) => call<HookDto>("DELETE", hook(uuid)),
  secret: (uuid: string, action: "reveal" | "rotate" | "regenerate") => call<SecretInfo>("POST", `${hook(uuid)}/secret`, { action }),
  token: (uuid: string, input: { action: "reveal" | "regenerate" } | { token: string }) =>
    call<{ token: string }>("POST", `${hook(uuid)}/token`, input),
  createBin: () => call<{ binId: string; url: string }>("POST", "/api/v1/inspect"),
  captured: (binId: string) =>
    call<{ results: InspectedRequestDto[] }>("GET", `/api/v1/inspect/${encodeURIComponent(binId)}/requests`).then((r) => r.results),
  indexIds: async (): Promise<string[]> => {
    const r = await call<{ results: { id: string }[] }>("GET", "/api/v1/indexes").catch(() => ({ results: [] }));
    return r.results.map((i) => i.id);
  },
};

/** "Indexes: docs, blog · upsert, delete" — what a hook receives, in a line. */
export function filterSummary(h: Pick<HookDto, "kind" | "filters">): string {
  const f = h.filters;
  const parts = [f.indexes === "all" ? "all indexes" : f.indexes.join(", ")];
  if (h.kind === "changes") {
    if (f.operations !== "all") parts.push(f.operations.join(", "));
    if (f.properties !== "all") parts.push(`props: ${f.properties.join(", ")}`);
  }
  return parts.join(" · ");
}
