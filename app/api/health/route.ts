import { healthContract } from "@/lib/contracts";
import { AppError } from "@/lib/errors";
import { readiness } from "@/lib/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(healthContract, async () => {
  const r = await readiness();
  if (r.ok) return { status: "ok" };
  throw new AppError("unavailable", r.reason ?? "not ready");
});
