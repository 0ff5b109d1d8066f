import { testHookContract } from "@/lib/contracts";
import { sendTestEvent } from "@/lib/delivery/replay";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(testHookContract, async ({ db, params }) => sendTestEvent(db, params.uuid));
