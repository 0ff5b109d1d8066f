// Meilisearch's /webhooks/{uuid}. The folder's segment is [id] because the Orama routes below it
// (/webhooks/{indexId}/snapshot, …) share this level; route() reads {uuid} from the URL by the contract.
import { auditCtx } from "@/lib/audit/context";
import { deleteMeiliWebhookContract, getMeiliWebhookContract, updateMeiliWebhookContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { deleteMeiliWebhook, getMeiliWebhook, updateMeiliWebhook } from "@/lib/hooks/meilisearch-webhooks";

export const dynamic = "force-dynamic";

export const GET = route(getMeiliWebhookContract, async ({ params, db }) => getMeiliWebhook({ db: db.db, uuid: params.uuid }));

export const PATCH = route(updateMeiliWebhookContract, async ({ req, params, body, db, principal }) =>
  updateMeiliWebhook({ db: db.db, uuid: params.uuid, input: body, ctx: auditCtx(principal, req) }),
);

export const DELETE = route(deleteMeiliWebhookContract, async ({ req, params, db, principal }) => {
  await deleteMeiliWebhook({ db: db.db, uuid: params.uuid, ctx: auditCtx(principal, req) });
  return null;
});
