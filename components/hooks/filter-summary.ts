// A hook's filters in one line, for the list and the detail header.
import type { HookDto } from "@/lib/contracts/hooks";

/** "Indexes: docs, blog · upsert, delete" — what a hook receives, in a line. */
export function filterSummary(h: Pick<HookDto, "kind" | "filters">): string {
  if (h.kind === "operational") return "events about the other webhooks";
  const f = h.filters;
  const parts = [f.indexes === "all" ? "all indexes" : f.indexes.join(", ")];
  if (h.kind === "changes") {
    if (f.operations !== "all") parts.push(f.operations.join(", "));
    if (f.properties !== "all") parts.push(`props: ${f.properties.join(", ")}`);
  }
  return parts.join(" · ");
}
