"use client";
// One index: header with the deploy action, and tabs (`?tab=`) Documents | Deployments | Playground | Analytics | Schema | Tasks | Upload | Settings.
import Link from "next/link";
import { AnalyticsTab } from "@/components/analytics/analytics-tab";
import { DeploymentsTab } from "@/components/deployments/deployments-tab";
import { PlaygroundTab } from "@/components/playground/playground-tab";
import { useCan } from "@/components/shell/role";
import { Alert } from "@/components/ui/alert";
import { Tabs, useUrlParam } from "@/components/ui/tabs";
import { DocumentsTab } from "./documents-tab";
import { IndexHeader } from "./index-header";
import { IndexTasksTab } from "./index-tasks-tab";
import { useIndex } from "./queries";
import { SchemaTab } from "./schema-tab";
import { SettingsTab } from "./settings-tab";
import { UploadTab } from "./upload-tab";

const TABS = [
  { id: "documents", label: "Documents" },
  { id: "deployments", label: "Deployments" },
  { id: "playground", label: "Playground" },
  { id: "analytics", label: "Analytics" },
  { id: "schema", label: "Schema" },
  { id: "tasks", label: "Tasks" },
  { id: "upload", label: "Upload", manage: true },
  { id: "settings", label: "Settings", manage: true },
];

export function IndexPage({ indexId }: { indexId: string }) {
  const q = useIndex(indexId);
  const [tab, setTab] = useUrlParam("tab", "documents");
  // Upload and Settings only change things: a viewer does not get the tabs (a ?tab= link falls back to Documents).
  const canManage = useCan("member");
  const tabs = TABS.filter((t) => canManage || !t.manage).map(({ id, label }) => ({ id, label }));
  if (q.isPending) return <p className="text-sm text-zinc-500">Loading index…</p>;
  if (q.error) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Index {indexId}</h1>
        <Alert>{q.error.message}</Alert>
        <Link href="/indexes" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← All indexes
        </Link>
      </div>
    );
  }
  const index = q.data;
  const current = tabs.some((t) => t.id === tab) ? tab : "documents";
  return (
    <>
      <IndexHeader index={index} />
      <Tabs label="Index sections" tabs={tabs} value={current} onChange={setTab} />
      <div role="tabpanel" aria-label={tabs.find((t) => t.id === current)?.label}>
        {current === "documents" ? <DocumentsTab index={index} /> : null}
        {current === "deployments" ? <DeploymentsTab indexId={index.id} /> : null}
        {current === "playground" ? <PlaygroundTab index={index} /> : null}
        {current === "analytics" ? <AnalyticsTab index={index} /> : null}
        {current === "schema" ? <SchemaTab index={index} /> : null}
        {current === "tasks" ? <IndexTasksTab indexId={index.id} /> : null}
        {current === "upload" ? <UploadTab index={index} /> : null}
        {current === "settings" ? <SettingsTab index={index} /> : null}
      </div>
    </>
  );
}
