import { lookupInviteContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { lookupInvite } from "@/lib/users/invites";

export const dynamic = "force-dynamic";

export const POST = route(lookupInviteContract, async ({ body, db }) => lookupInvite({ db: db.db, token: body.token }));
