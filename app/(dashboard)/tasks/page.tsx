import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { TasksPage } from "@/components/tasks/tasks-page";

export const metadata = { title: "Tasks" };

export default function Page() {
  return (
    <>
      <PageHeader title="Tasks" description="Every ingestion call and deploy, with its status, duration and error." />
      <Suspense>
        <TasksPage />
      </Suspense>
    </>
  );
}
