import { requestIp } from "@/lib/audit/record";
import { deleteUserContract, updateUserContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { deleteUser, updateUser } from "@/lib/users/manage";

export const dynamic = "force-dynamic";

export const PATCH = route(updateUserContract, async ({ params, body, principal, db, req }) =>
  updateUser({ db: db.db, principal, id: params.id, input: body, ip: requestIp(req) }),
);

export const DELETE = route(deleteUserContract, async ({ params, principal, db, req }) =>
  deleteUser({ db: db.db, principal, id: params.id, ip: requestIp(req) }),
);
