import { openapiContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { openapiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export const GET = route(openapiContract, async () => openapiDocument());
