import { signupContract, signupStatusContract } from "@/lib/contracts";
import { requestIp } from "@/lib/audit/record";
import { route } from "@/lib/http/route";
import { registrationMode } from "@/lib/users/registration";
import { signUp } from "@/lib/users/signup";

export const dynamic = "force-dynamic";

export const GET = route(signupStatusContract, async ({ db }) => ({ mode: await registrationMode(db.db) }));

export const POST = route(signupContract, async ({ body, db, req }) => signUp({ db: db.db, input: body, ip: requestIp(req) }));
