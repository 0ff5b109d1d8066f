import { requestIp } from "@/lib/audit/record";
import { createInviteContract, listInvitesContract } from "@/lib/contracts";
import { requestOrigin } from "@/lib/http/origin";
import { route } from "@/lib/http/route";
import { createInvite, listInvites } from "@/lib/users/invites";

export const dynamic = "force-dynamic";

export const GET = route(listInvitesContract, async ({ db }) => ({ results: await listInvites({ db: db.db }) }));

export const POST = route(createInviteContract, async ({ body, principal, db, req }) =>
  createInvite({ db: db.db, principal, input: body, origin: requestOrigin(req), ip: requestIp(req) }),
);
