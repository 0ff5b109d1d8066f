// Meilisearch's GET /health (public), for its clients' health() and isHealthy(); /api/health is ours.
import { meiliHealthContract } from "@/lib/contracts";
import { AppError } from "@/lib/errors";
import { readiness } from "@/lib/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(meiliHealthContract, async () => {
  const r = await readiness();
  if (r.ok) return { status: "available" };
  throw new AppError("unavailable", r.reason ?? "not ready");
});
