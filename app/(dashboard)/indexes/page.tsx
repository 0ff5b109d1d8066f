import Link from "next/link";
import { Suspense } from "react";
import { Can } from "@/components/shell/role";
import { PageHeader } from "@/components/ui/page-header";
import { IndexesList } from "@/components/indexes/indexes-list";

export const metadata = { title: "Indexes" };

export default function IndexesPage() {
  return (
    <>
      <PageHeader
        title="Indexes"
        description="Search indexes, their schemas and the data pushed to them."
        actions={
          <Can min="member">
            <Link href="/indexes/new" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
              Create index
            </Link>
          </Can>
        }
      />
      <Suspense>
        <IndexesList />
      </Suspense>
    </>
  );
}
