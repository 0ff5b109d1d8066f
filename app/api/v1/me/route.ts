import { meContract } from "@/lib/contracts";
import { describePrincipal } from "@/lib/auth/principal";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(meContract, async ({ principal }) => describePrincipal(principal));
