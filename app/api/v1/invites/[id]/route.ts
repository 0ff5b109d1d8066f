import { requestIp } from "@/lib/audit/record";
import { revokeInviteContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { revokeInvite } from "@/lib/users/invites";

export const dynamic = "force-dynamic";

export const DELETE = route(revokeInviteContract, async ({ params, principal, db, req }) =>
  revokeInvite({ db: db.db, principal, id: params.id, ip: requestIp(req) }),
);
