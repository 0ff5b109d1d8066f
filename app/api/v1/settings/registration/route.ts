import { getRegistrationContract, putRegistrationContract } from "@/lib/contracts";
import { requestIp } from "@/lib/audit/record";
import { route } from "@/lib/http/route";
import { readRegistration, registrationDto, updateRegistration } from "@/lib/users/registration";

export const dynamic = "force-dynamic";

export const GET = route(getRegistrationContract, async ({ db }) => registrationDto(await readRegistration(db.db)));

export const PUT = route(putRegistrationContract, async ({ body, db, principal, req }) =>
  updateRegistration({ db: db.db, principal, input: body, ip: requestIp(req) }),
);
