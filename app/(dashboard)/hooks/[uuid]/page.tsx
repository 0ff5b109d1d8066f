import { notFound, redirect } from "next/navigation";
import { HookDetail } from "@/components/hooks/hook-detail";
import { getSessionUser } from "@/lib/auth/session";
import { getHookForDashboard } from "@/lib/hooks/dashboard";

export const metadata = { title: "Webhook" };
export const dynamic = "force-dynamic";

export default async function HookPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const hook = await getHookForDashboard((await params).uuid);
  if (!hook) notFound();
  return <HookDetail initialHook={hook} role={user.role} />;
}
