// Meilisearch's /webhooks: the task hooks of /api/v1/hooks in Meilisearch's shape (lib/hooks/meilisearch-webhooks.ts).
import { auditCtx } from "@/lib/audit/context";
import { createMeiliWebhookContract, listMeiliWebhooksContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { createMeiliWebhook, listMeiliWebhooks } from "@/lib/hooks/meilisearch-webhooks";

export const dynamic = "force-dynamic";

export const GET = route(listMeiliWebhooksContract, async ({ db }) => listMeiliWebhooks({ db: db.db }));

export const POST = route(createMeiliWebhookContract, async ({ req, body, principal, db }) =>
  createMeiliWebhook({ db: db.db, principal, input: body, ctx: auditCtx(principal, req) }),
);
