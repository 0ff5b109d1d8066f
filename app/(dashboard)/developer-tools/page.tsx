import { KeysView } from "@/components/keys/keys-view";
import { NeedsRole } from "@/components/shell/needs-role";
import { pageUser } from "@/lib/auth/page-role";
import { listKeysForDashboard } from "@/lib/keys/dashboard";

export const metadata = { title: "Developer tools" };
export const dynamic = "force-dynamic";

export default async function DeveloperToolsPage() {
  // Keys are managed by members and admins; a viewer sees neither the keys nor their names.
  const user = await pageUser("member");
  if (!user) return <NeedsRole title="Developer tools" min="member" />;
  return <KeysView role={user.role} initialKeys={await listKeysForDashboard()} />;
}
