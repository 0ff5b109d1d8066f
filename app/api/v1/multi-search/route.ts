import { multiSearchContract } from "@/lib/contracts";
import { assertOriginAllowed, preflight, withCors } from "@/lib/http/cors";
import { route } from "@/lib/http/route";
import { multiSearch } from "@/lib/search/multi";

export const dynamic = "force-dynamic";

// Browsers may multi-search with a public key, like a single search (a key's allowedOrigins narrows that).
export const OPTIONS = preflight;

// The contract reads the JSON body ({ queries }, at most MAX_MULTI_SEARCH_QUERIES); the verb authorises
// and validates every query before any runs (all or nothing).
export const POST = withCors(route(multiSearchContract, async ({ req, db, principal, body }) => {
  assertOriginAllowed(req, principal);
  return multiSearch(db, principal, body.queries);
}));
