import { testTransformationContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { testTransformation } from "@/lib/hooks/transformation";

export const dynamic = "force-dynamic";

export const POST = route(testTransformationContract, async ({ body }) => testTransformation(body));
