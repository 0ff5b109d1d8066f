import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Shell } from "@/components/shell/shell";
import { pageUser } from "@/lib/auth/page-role";
import { instanceNeedsSetup } from "@/lib/users/instance";

export const dynamic = "force-dynamic";

// Pages check the session here and route handlers check it again themselves: never middleware alone.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await pageUser("viewer");
  if (!user) redirect((await instanceNeedsSetup()) ? "/setup" : "/login");
  return <Shell user={{ name: user.name, email: user.email, role: user.role }}>{children}</Shell>;
}
