import { notFound, redirect } from "next/navigation";
import { HookDetail } from "@/components/hooks/hook-detail";
import { pageUser } from "@/lib/auth/page-role";
import { getHookForDashboard } from "@/lib/hooks/dashboard";

export const metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

export default async function HookPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await pageUser("viewer");
  if (!user) redirect("/login");
  const hook = await getHookForDashboard((await params).uuid);
  if (!hook) notFound();
  return <HookDetail initialHook={hook} role={user.role} />;
}
