import { setupContract, setupStatusContract } from "@/lib/contracts";
import { requestIp } from "@/lib/audit/record";
import { isLoopbackClient } from "@/lib/http/peer";
import { route } from "@/lib/http/route";
import { createFirstAdmin, needsSetup } from "@/lib/users/accounts";

export const dynamic = "force-dynamic";

export const POST = route(setupContract, async ({ req, body, db }) => {
  const user = await createFirstAdmin({ db: db.db, input: body, ip: requestIp(req), local: isLoopbackClient(req.headers) });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export const GET = route(setupStatusContract, async ({ db }) => ({ needsSetup: await needsSetup(db.db) }));
