import { PageHeader } from "@/components/ui/page-header";
import { CreateIndexForm } from "@/components/indexes/create-index-form";

export const metadata = { title: "Create index" };

export default function NewIndexPage() {
  return (
    <>
      <PageHeader title="Create index" description="Name the index and choose the properties that are searchable or filterable." />
      <CreateIndexForm />
    </>
  );
}
