// Runs before Next's router: only to refuse paths it cannot decode (lib/http/malformed-url.ts).
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath, malformedPathResponse } from "@/lib/http/malformed-url";

export function proxy(req: NextRequest) {
  const raw = new URL(req.url).pathname;
  return isMalformedPath(raw) ? malformedPathResponse(raw) : NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
