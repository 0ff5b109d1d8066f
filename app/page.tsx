import { redirect } from "next/navigation";
import { pageUser } from "@/lib/auth/page-role";
import { instanceNeedsSetup } from "@/lib/users/instance";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await instanceNeedsSetup()) redirect("/setup");
  redirect((await pageUser("viewer")) ? "/overview" : "/login");
}
