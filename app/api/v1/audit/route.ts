import { listAuditContract } from "@/lib/contracts";
import { listAudit } from "@/lib/audit/list";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(listAuditContract, async ({ db, query }) => listAudit(db.db, query));
