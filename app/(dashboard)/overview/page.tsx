import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCards } from "@/components/overview/stat-cards";

export const metadata = { title: "Overview" };

const STEPS = [
  { label: "Create an index and its schema", href: "/indexes/new" },
  { label: "Upload documents (snapshot or notify)", href: "/indexes" },
  { label: "Deploy a version", href: "/indexes" },
  { label: "Create a search key", href: "/developer-tools" },
  { label: "Add a webhook", href: "/hooks" },
];

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="Your search indexes, their data flow and webhook health at a glance." />
      <StatCards />
      <Card>
        <h2 className="mb-3 text-sm font-semibold">Get started</h2>
        <ol className="space-y-2">
          {STEPS.map((s, i) => (
            <li key={s.label} className="flex items-center gap-3 text-sm">
              <span className="flex h-6 w-6 items-center justify-center rounded-full bg-zinc-100 text-xs dark:bg-zinc-800">{i + 1}</span>
              <Link href={s.href} className="hover:underline">
                {s.label}
              </Link>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
