import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Profile" };

export default function ProfilePage() {
  return <ComingSoon title="Profile" description="Your name and password." items={["Display name", "Password change"]} />;
}
