// Unknown API paths answer in the error envelope instead of an HTML 404 page.
import { notFound } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

const answer = async (req: Request) => errorResponse(notFound(`No API route ${req.method} ${new URL(req.url).pathname}.`));
export { answer as GET, answer as POST, answer as PUT, answer as PATCH, answer as DELETE };
