import { Suspense } from "react";
import { NeedsRole } from "@/components/shell/needs-role";
import { UsersView } from "@/components/users/users-view";
import { pageUser } from "@/lib/auth/page-role";
import { usersForDashboard } from "@/lib/users/dashboard";

export const metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const user = await pageUser("admin");
  if (!user) return <NeedsRole title="Users" min="admin" />;
  const { users, invites } = await usersForDashboard();
  return (
    <Suspense>
      <UsersView meId={user.id} initialUsers={users} initialInvites={invites} />
    </Suspense>
  );
}
