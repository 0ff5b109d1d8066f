import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <ComingSoon
      title="Settings"
      description="Instance-wide settings."
      items={["Policy for new users: closed, open, or ask a webhook"]}
    />
  );
}
