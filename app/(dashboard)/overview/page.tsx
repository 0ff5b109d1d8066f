import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page-role";
import { StatCards } from "@/components/overview/stat-cards";
import { HookHealth } from "@/components/overview/hook-health";
import { GetStarted } from "@/components/overview/get-started";
import { listHooksForDashboard } from "@/lib/hooks/dashboard";
import { listKeysForDashboard } from "@/lib/keys/dashboard";

export const metadata = { title: "Overview" };

// A viewer cannot create anything: their checklist only points at what they may read.
const VIEWER_STEPS = [
  { label: "Browse the indexes and their documents", href: "/indexes" },
  { label: "Try a search in an index's Playground", href: "/indexes" },
  { label: "Follow ingestion and deploy tasks", href: "/tasks" },
  { label: "Check webhook deliveries", href: "/hooks" },
];

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const member = await pageUser("member");
  const hooks = await listHooksForDashboard();
  return (
    <>
      <PageHeader title="Overview" description="Your search indexes, their data flow and webhook health at a glance." />
      <StatCards />
      <HookHealth initialHooks={hooks} />
      {member ? (
        <GetStarted initialHooks={hooks} initialKeys={await listKeysForDashboard()} />
      ) : (
        <Card>
          <h2 className="mb-3 text-sm font-semibold">Explore</h2>
          <ol className="space-y-2">
            {VIEWER_STEPS.map((s, i) => (
              <li key={s.label} className="flex items-center gap-3 text-sm">
                <span className="flex h-6 w-6 items-center justify-center rounded-full bg-zinc-100 text-xs dark:bg-zinc-800">{i + 1}</span>
                <Link href={s.href} className="hover:underline">
                  {s.label}
                </Link>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
