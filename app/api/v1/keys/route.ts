import { auditCtx } from "@/lib/audit/context";
import { createKeyContract, listKeysContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { createKey } from "@/lib/keys/create-key";
import { listKeys } from "@/lib/keys/list-keys";

export const dynamic = "force-dynamic";

export const GET = route(listKeysContract, async ({ db, principal }) => ({ results: await listKeys({ db: db.db, principal }) }));

export const POST = route(createKeyContract, async ({ req, body, principal, db }) =>
  createKey({ db: db.db, principal, input: body, ctx: auditCtx(principal, req) }),
);
