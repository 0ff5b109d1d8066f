import { registrationSecretContract } from "@/lib/contracts";
import { requestIp } from "@/lib/audit/record";
import { route } from "@/lib/http/route";
import { registrationSecret } from "@/lib/users/registration";

export const dynamic = "force-dynamic";

export const POST = route(registrationSecretContract, async ({ body, db, principal, req }) =>
  registrationSecret({ db: db.db, principal, action: body.action, ip: requestIp(req) }),
);
