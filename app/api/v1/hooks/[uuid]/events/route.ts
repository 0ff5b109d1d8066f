import { hookEventsContract } from "@/lib/contracts";
import { pollHookEvents } from "@/lib/delivery/poll";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(hookEventsContract, async ({ db, params, query }) => pollHookEvents(db.db, params.uuid, query));
