import { Suspense } from "react";
import { AuditPage } from "@/components/audit/audit-page";
import { NeedsRole } from "@/components/shell/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page-role";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function Page() {
  // The API refuses non-admins too (GET /api/v1/audit is admin-only); this only spares them the page.
  if (!(await pageUser("admin"))) return <NeedsRole title="Audit log" min="admin" />;
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, when. Newest first; secrets are never recorded." />
      <Suspense>
        <AuditPage />
      </Suspense>
    </>
  );
}
