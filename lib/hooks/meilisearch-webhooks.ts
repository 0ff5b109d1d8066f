// Meilisearch's /webhooks over our hooks: a Meilisearch webhook is a tasks push hook (it is sent each
// finished task, as Meilisearch sends them). The verbs are the /api/v1/hooks ones; this module only
// translates the shapes: `{ uuid, url, headers, isEditable }` out (headers redacted as every read),
// Meilisearch's header merge in (a string sets a header, null removes it, `headers: null` clears).
import "server-only";
import type { AuditCtx } from "../audit/context";
import type { Principal } from "../auth/principal";
import type { HookDto } from "../contracts/hooks";
import type { CreateMeiliWebhookInput, MeiliWebhookDto, UpdateMeiliWebhookInput } from "../contracts/meilisearch";
import type { Db } from "../db";
import { notFound } from "../errors";
import { createHook } from "./create-hook";
import { deleteHook } from "./delete-hook";
import { getHook, listHooks } from "./list-hooks";
import { loadHook } from "./load-hook";
import { updateHook } from "./update-hook";

const isMeiliWebhook = (h: Pick<HookDto, "kind" | "mode">) => h.kind === "tasks" && h.mode === "push";

export const toMeiliWebhook = (h: Pick<HookDto, "uuid" | "url" | "headers" | "isEditable">): MeiliWebhookDto => ({
  uuid: h.uuid,
  url: h.url ?? "",
  headers: h.headers,
  isEditable: h.isEditable,
});

/** The stored hook behind a Meilisearch webhook uuid; a changes or poll hook is not one (404 as absent). */
async function loadWebhook(db: Db, uuid: string) {
  const row = await loadHook(db, uuid.toLowerCase()).catch(() => null);
  if (!row || !isMeiliWebhook(row)) throw notFound(`Webhook \`${uuid}\` not found.`);
  return row;
}

export async function listMeiliWebhooks({ db }: { db: Db }): Promise<{ results: MeiliWebhookDto[] }> {
  return { results: (await listHooks({ db })).filter(isMeiliWebhook).map(toMeiliWebhook) };
}

export async function getMeiliWebhook({ db, uuid }: { db: Db; uuid: string }): Promise<MeiliWebhookDto> {
  const row = await loadWebhook(db, uuid);
  return toMeiliWebhook(await getHook({ db, uuid: row.uuid }));
}

const dropNulls = (h: Record<string, string | null>) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => e[1] !== null));

export async function createMeiliWebhook({ db, principal, input, ctx }: { db: Db; principal: Principal; input: CreateMeiliWebhookInput; ctx: AuditCtx }): Promise<MeiliWebhookDto> {
  const created = await createHook({
    db,
    principal,
    ctx,
    input: {
      kind: "tasks",
      mode: "push",
      url: input.url,
      signing: "hmac-sha256",
      headers: dropNulls(input.headers ?? {}),
      paused: false,
      filters: { indexes: "all", properties: "all", operations: "all" },
      rateLimit: null,
    },
  });
  // The secret and token stay out: this read shape has no place for them (reveal them on /api/v1/hooks).
  return toMeiliWebhook(created);
}

/**
 * Meilisearch's merge: names match whatever their case; the result replaces the stored headers through
 * updateHook, whose merge keeps a stored value a client sends back in its redacted form.
 */
export function mergeMeiliHeaders(stored: Record<string, string>, patch: Record<string, string | null> | null): Record<string, string> {
  if (patch === null) return {};
  const out = { ...stored };
  for (const [name, value] of Object.entries(patch)) {
    for (const k of Object.keys(out)) if (k.toLowerCase() === name.toLowerCase()) delete out[k];
    if (value !== null) out[name] = value;
  }
  return out;
}

export async function updateMeiliWebhook({ db, uuid, input, ctx }: { db: Db; uuid: string; input: UpdateMeiliWebhookInput; ctx: AuditCtx }): Promise<MeiliWebhookDto> {
  const row = await loadWebhook(db, uuid);
  const headers = input.headers === undefined ? undefined : mergeMeiliHeaders(row.headers, input.headers);
  return toMeiliWebhook(await updateHook({ db, uuid: row.uuid, input: { url: input.url, headers }, ctx }));
}

export async function deleteMeiliWebhook({ db, uuid, ctx }: { db: Db; uuid: string; ctx: AuditCtx }): Promise<void> {
  const row = await loadWebhook(db, uuid);
  await deleteHook({ db, uuid: row.uuid, ctx });
}
