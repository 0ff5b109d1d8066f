import { ComingSoon } from "@/components/shell/coming-soon";
import { NeedsRole } from "@/components/shell/needs-role";
import { pageUser } from "@/lib/auth/page-role";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  // Instance settings are the admin's: other roles are told so (the settings API checks again).
  if (!(await pageUser("admin"))) return <NeedsRole title="Settings" min="admin" />;
  return (
    <ComingSoon
      title="Settings"
      description="Instance-wide settings."
      items={["Policy for new users: closed, open, or ask a webhook"]}
    />
  );
}
