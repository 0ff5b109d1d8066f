import { requestIp } from "@/lib/audit/record";
import { acceptInviteContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/users/invites";

export const dynamic = "force-dynamic";

export const POST = route(acceptInviteContract, async ({ body, db, req }) =>
  acceptInvite({ db: db.db, input: body, ip: requestIp(req) }),
);
