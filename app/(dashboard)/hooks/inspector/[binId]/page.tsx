import { notFound, redirect } from "next/navigation";
import { InspectorView } from "@/components/hooks/inspector-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page-role";
import { BIN_ID } from "@/lib/contracts/inspector";

export const metadata = { title: "Request inspector" };
export const dynamic = "force-dynamic";

export default async function InspectorPage({ params }: { params: Promise<{ binId: string }> }) {
  if (!(await pageUser("viewer"))) redirect("/login");
  const { binId } = await params;
  if (!BIN_ID.test(binId)) notFound();
  return (
    <>
      <PageHeader title="Request inspector" description="Everything sent to this bin's capture URL, live." />
      <InspectorView binId={binId} />
    </>
  );
}
