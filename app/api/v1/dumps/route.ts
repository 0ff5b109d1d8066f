import { createDumpContract, listDumpsContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { actorId } from "@/lib/auth/scope";
import { auditCtx } from "@/lib/audit/context";
import { listDumps, startDump } from "@/lib/dumps/create";
import { toTaskDto } from "@/lib/tasks/tasks";

export const dynamic = "force-dynamic";

export const POST = route(createDumpContract, async ({ req, db, body, principal }) => {
  const task = await startDump(db, body, actorId(principal), auditCtx(principal, req));
  return { taskUid: task.uid, task: toTaskDto(task) };
});

export const GET = route(listDumpsContract, async ({ db }) => listDumps(db));
