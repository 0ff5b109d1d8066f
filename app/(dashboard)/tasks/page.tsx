import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <ComingSoon
      title="Tasks"
      description="Every ingestion call and deploy, with its status, duration and error."
      items={["Task list filtered by status, type and index", "Failed tasks with their reason"]}
    />
  );
}
