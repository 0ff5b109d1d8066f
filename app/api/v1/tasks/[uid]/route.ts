import { getTaskContract } from "@/lib/contracts";
import { indexScope } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { getTask } from "@/lib/tasks/tasks";

export const dynamic = "force-dynamic";

export const GET = route(getTaskContract, async ({ db, principal, params }) => getTask(db.db, params.uid, indexScope(principal)));
