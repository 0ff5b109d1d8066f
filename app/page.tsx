import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { instanceNeedsSetup } from "@/lib/users/instance";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await instanceNeedsSetup()) redirect("/setup");
  redirect((await getSessionUser()) ? "/overview" : "/login");
}
