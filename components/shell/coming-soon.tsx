import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

/** A section whose capability arrives in a later release: says what will be here. */
export function ComingSoon({ title, description, items }: { title: string; description: string; items: string[] }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <p className="mb-2 text-sm font-medium">What this page will hold</p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-600 dark:text-zinc-400">
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
