import { BackupsCard } from "@/components/backups/backups-card";
import { RegistrationPolicy } from "@/components/settings/registration-policy";
import { NeedsRole } from "@/components/shell/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page-role";
import { registrationForDashboard } from "@/lib/users/registration-dashboard";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await pageUser("admin");
  if (!user) return <NeedsRole title="Settings" min="admin" />;
  return (
    <>
      <PageHeader title="Settings" description="Instance-wide settings." />
      <RegistrationPolicy initial={await registrationForDashboard()} />
      <BackupsCard />
    </>
  );
}
