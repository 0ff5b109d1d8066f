import { ApiReference } from "@/components/api-reference/api-reference";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return (
    <>
      <PageHeader title="API reference" description="Every endpoint, generated from the schemas that validate the requests." />
      <ApiReference />
    </>
  );
}
