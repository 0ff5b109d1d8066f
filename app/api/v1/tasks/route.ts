import { listTasksContract } from "@/lib/contracts";
import { indexScope } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";
import { listTasks } from "@/lib/tasks/tasks";

export const dynamic = "force-dynamic";

export const GET = route(listTasksContract, async ({ db, principal, query }) => listTasks(db.db, query, indexScope(principal)));
