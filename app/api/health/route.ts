import { healthContract } from "@/lib/contracts";
import { readiness } from "@/lib/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(healthContract, async () => {
  const r = await readiness();
  if (r.ok) return { status: "ok" };
  return Response.json({ error: { code: "unavailable", message: r.reason } }, { status: 503 });
});
