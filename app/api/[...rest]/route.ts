// Unknown paths under /api (outside /api/v1, which has its own) answer in the error envelope, not with the
// dashboard's 404 page that app/(dashboard)/[...missing] renders for every other unknown path.
import { notFound } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const answer = async (req: Request) => errorResponse(notFound(`No API route ${req.method} ${new URL(req.url).pathname}.`));
export { answer as GET, answer as POST, answer as PUT, answer as PATCH, answer as DELETE };
