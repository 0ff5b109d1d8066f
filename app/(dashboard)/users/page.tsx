import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Users" };

export default function UsersPage() {
  return (
    <ComingSoon
      title="Users"
      description="Who can use this dashboard, and with which role."
      items={["Members and invitations", "Role changes and disabling", "Audit log"]}
    />
  );
}
