import { ComingSoon } from "@/components/shell/coming-soon";
import { NeedsRole } from "@/components/shell/needs-role";
import { pageUser } from "@/lib/auth/page-role";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage() {
  if (!(await pageUser("admin"))) return <NeedsRole title="Audit log" min="admin" />;
  return <ComingSoon title="Audit log" description="Who did what, when." items={["Filters by actor, action, target and date"]} />;
}
