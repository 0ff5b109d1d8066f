import { registrationTestContract } from "@/lib/contracts";
import { requestIp } from "@/lib/audit/record";
import { route } from "@/lib/http/route";
import { testRegistrationHook } from "@/lib/users/policy-test";

export const dynamic = "force-dynamic";

export const POST = route(registrationTestContract, async ({ body, db, principal, req }) =>
  testRegistrationHook({ db: db.db, principal, input: body, ip: requestIp(req) }),
);
