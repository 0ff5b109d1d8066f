import { requestIp } from "@/lib/audit/record";
import { getProfileContract, updateProfileContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { getProfile, renameSelf } from "@/lib/users/profile";

export const dynamic = "force-dynamic";

export const GET = route(getProfileContract, async ({ principal, db }) => getProfile({ db: db.db, principal }));

export const PATCH = route(updateProfileContract, async ({ body, principal, db, req }) =>
  renameSelf({ db: db.db, principal, name: body.name, ip: requestIp(req) }),
);
