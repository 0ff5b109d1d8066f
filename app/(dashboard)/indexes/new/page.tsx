import { NeedsRole } from "@/components/shell/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { CreateIndexForm } from "@/components/indexes/create-index-form";
import { pageUser } from "@/lib/auth/page-role";

export const metadata = { title: "Create index" };
export const dynamic = "force-dynamic";

export default async function NewIndexPage() {
  // Creating an index is a member action; a viewer who follows an old link is told so, not shown a form.
  if (!(await pageUser("member"))) return <NeedsRole title="Create index" min="member" />;
  return (
    <>
      <PageHeader title="Create index" description="Name the index and choose the properties that are searchable or filterable." />
      <CreateIndexForm />
    </>
  );
}
