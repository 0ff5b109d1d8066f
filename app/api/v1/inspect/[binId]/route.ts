import { captureContracts } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { readHead } from "@/lib/http/body";
import { captureRequest, MAX_BODY_BYTES } from "@/lib/inspector/capture";

export const dynamic = "force-dynamic";

// Public on purpose: it is where hooks (and curl) send requests to look at them. One contract per method.
const [get, post, put, patch, del] = captureContracts.map((c) =>
  route(c, async ({ req, params, body, db }) => {
    const head = body.read === "stream" ? await readHead(body.stream, MAX_BODY_BYTES) : "";
    await captureRequest({ db: db.db, binId: params.binId, method: req.method, headers: Object.fromEntries(req.headers), body: head });
    return { ok: true };
  }),
);

export { get as GET, post as POST, put as PUT, patch as PATCH, del as DELETE };
