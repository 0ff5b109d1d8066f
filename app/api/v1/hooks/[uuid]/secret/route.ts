import { hookSecretContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { hookSecret } from "@/lib/hooks/hook-credentials";

export const dynamic = "force-dynamic";

export const POST = route(hookSecretContract, async ({ params, body, db }) =>
  hookSecret({ db: db.db, uuid: params.uuid, action: body.action }),
);
