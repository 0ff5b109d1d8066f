"use client";
// Every index with its documents, pending changes and status; `?pending=1` keeps those with changes.
import Link from "next/link";
import { Can } from "@/components/shell/role";
import { Alert } from "@/components/ui/alert";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { useUrlParam } from "@/components/ui/tabs";
import { When } from "@/components/ui/when";
import { IndexStatusBadge, PendingChip } from "./pending-chip";
import { useIndexes } from "./queries";
import { SearchAllIndexes } from "./search-all";

export function IndexesList() {
  const q = useIndexes();
  const [pendingOnly, setPendingOnly] = useUrlParam("pending", "");
  if (q.isPending) return <p className="text-sm text-zinc-500">Loading indexes…</p>;
  if (q.error) return <Alert>{q.error.message}</Alert>;
  const all = q.data.results;
  if (all.length === 0) {
    return (
      <EmptyState title="No indexes yet">
        <p>An index holds your documents and the schema that says which properties are searchable.</p>
        <Can min="member" fallback={<p className="mt-2">A member or admin of this instance creates them.</p>}>
          <Link href="/indexes/new" className="mt-4 inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            Create your first index
          </Link>
        </Can>
      </EmptyState>
    );
  }
  const rows = pendingOnly ? all.filter((i) => i.pending.total > 0 || i.pending.snapshot) : all;
  return (
    <>
      <SearchAllIndexes indexIds={all.filter((i) => i.liveDeploymentId).map((i) => i.id)} />
      <label className="mb-3 inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={!!pendingOnly} onChange={(e) => setPendingOnly(e.target.checked ? "1" : null)} />
        Only indexes with pending changes
      </label>
      <Table label="Indexes">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Id</Th>
            <Th className="text-right">Documents</Th>
            <Th>Pending</Th>
            <Th>Last updated</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <Tr key={i.id}>
              <Td>
                <Link href={`/indexes/${encodeURIComponent(i.id)}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {i.name}
                </Link>
              </Td>
              <Td className="font-mono text-xs">{i.id}</Td>
              <Td className="text-right tabular-nums">{i.documentCount.toLocaleString()}</Td>
              <Td>
                <PendingChip pending={i.pending} />
              </Td>
              <Td className="whitespace-nowrap text-xs"><When at={i.updatedAt} none="—" /></Td>
              <Td>
                <IndexStatusBadge index={i} />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {rows.length === 0 ? <p className="mt-3 text-sm text-zinc-500">No index has pending changes.</p> : null}
    </>
  );
}
