import { listUsersContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { listUsers } from "@/lib/users/manage";

export const dynamic = "force-dynamic";

export const GET = route(listUsersContract, async ({ db }) => ({ results: await listUsers({ db: db.db }) }));
