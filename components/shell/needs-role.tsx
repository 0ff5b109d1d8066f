import type { Role } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

/** What a page shows to a signed-in user whose role is below the page's. */
export function NeedsRole({ title, min }: { title: string; min: Exclude<Role, "viewer"> }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <p className="text-sm" data-testid="needs-role">
          This page needs the <strong>{min}</strong> role. Ask an admin of this instance if you need access.
        </p>
      </Card>
    </>
  );
}
