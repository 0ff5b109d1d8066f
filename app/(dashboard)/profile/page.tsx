import { redirect } from "next/navigation";
import { ProfileView } from "@/components/users/profile-view";
import { pageUser } from "@/lib/auth/page-role";
import { profileForDashboard } from "@/lib/users/dashboard";

export const metadata = { title: "Profile" };
export const dynamic = "force-dynamic";

export default async function ProfilePage() {
  const user = await pageUser("viewer");
  if (!user) redirect("/login");
  return <ProfileView initial={await profileForDashboard(user)} />;
}
