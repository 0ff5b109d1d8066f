import { redirect } from "next/navigation";
import { KeysView } from "@/components/keys/keys-view";
import { getSessionUser } from "@/lib/auth/session";
import { listKeysForDashboard } from "@/lib/keys/dashboard";

export const metadata = { title: "Developer tools" };
export const dynamic = "force-dynamic";

export default async function DeveloperToolsPage() {
  // The layout checks the session too; the page needs the role to decide what to offer.
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return <KeysView role={user.role} initialKeys={await listKeysForDashboard()} />;
}
