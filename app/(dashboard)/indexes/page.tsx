import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Indexes" };

export default function IndexesPage() {
  return (
    <ComingSoon
      title="Indexes"
      description="Search indexes, their schemas and the data pushed to them."
      items={["Index list with documents, pending changes and the live version", "Schema builder", "Uploads, deploys and the search playground"]}
    />
  );
}
