import { Suspense } from "react";
import { IndexPage } from "@/components/indexes/index-page";

export const metadata = { title: "Index" };

export default async function Page({ params }: { params: Promise<{ indexId: string }> }) {
  const { indexId } = await params;
  return (
    <Suspense>
      <IndexPage indexId={decodeURIComponent(indexId)} />
    </Suspense>
  );
}
