import { redirect } from "next/navigation";
import { HooksView } from "@/components/hooks/hooks-view";
import { pageUser } from "@/lib/auth/page-role";
import { listHooksForDashboard } from "@/lib/hooks/dashboard";

export const metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function HooksPage() {
  // The layout checks the session too; the page needs the role to decide what to offer.
  const user = await pageUser("viewer");
  if (!user) redirect("/login");
  return <HooksView role={user.role} initialHooks={await listHooksForDashboard()} />;
}
