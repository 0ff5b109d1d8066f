"use client";
// Live documents, paged (`?page=`); a row opens its JSON in a sheet (`?doc=`).
import type { IndexDto } from "@/lib/contracts/indexes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Sheet } from "@/components/ui/sheet";
import { EmptyState, Table, Td, Th, Tr } from "@/components/ui/table";
import { useUrlParam } from "@/components/ui/tabs";
import { useDocuments } from "./queries";

const LIMIT = 20;
const short = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s === undefined ? "" : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

export function DocumentsTab({ index }: { index: IndexDto }) {
  const [page, setPage] = useUrlParam("page", "1");
  const [docId, setDocId] = useUrlParam("doc", "");
  const p = Math.max(1, Number(page) || 1);
  const q = useDocuments(index.id, (p - 1) * LIMIT, LIMIT);
  if (q.isPending) return <p className="text-sm text-zinc-500">Loading documents…</p>;
  if (q.error) return <Alert>{q.error.message}</Alert>;
  const { results, total } = q.data;
  if (total === 0) {
    return (
      <EmptyState title="No live documents yet">
        Documents appear here after a deploy. Upload a snapshot in the Upload tab, then deploy the pending changes.
      </EmptyState>
    );
  }
  // Schema properties with plain values first (what search sees), then whatever else the documents hold.
  const schemaFirst = Object.entries(index.schema).filter(([, t]) => typeof t === "string").map(([k]) => k);
  const columns = Array.from(new Set([...schemaFirst, ...results.flatMap((d) => Object.keys(d))])).filter((k) => k !== "id").slice(0, 4);
  const selected = results.find((d) => String(d.id) === docId);
  const pages = Math.ceil(total / LIMIT);
  return (
    <div className="space-y-3">
      <Table label="Documents">
        <thead>
          <tr>
            <Th>id</Th>
            {columns.map((c) => (
              <Th key={c}>{c}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.map((d) => (
            <Tr key={String(d.id)} className="cursor-pointer" onClick={() => setDocId(String(d.id))}>
              <Td>
                <button className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300" onClick={() => setDocId(String(d.id))}>
                  {String(d.id)}
                </button>
              </Td>
              {columns.map((c) => (
                <Td key={c} className="max-w-xs truncate text-xs">
                  {short(d[c])}
                </Td>
              ))}
            </Tr>
          ))}
        </tbody>
      </Table>
      <div className="flex items-center justify-between text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">
          Page {p} of {pages} · {total.toLocaleString()} documents
        </span>
        <div className="flex gap-2">
          {p > 1 ? (
            <Button variant="secondary" onClick={() => setPage(String(p - 1))}>
              Previous
            </Button>
          ) : null}
          {p < pages ? (
            <Button variant="secondary" onClick={() => setPage(String(p + 1))}>
              Next
            </Button>
          ) : null}
        </div>
      </div>
      <Sheet open={!!docId} onClose={() => setDocId(null)} title={`Document ${docId}`}>
        {selected ? (
          <pre className="overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{JSON.stringify(selected, null, 2)}</pre>
        ) : (
          <p className="text-sm text-zinc-500">This document is not on the current page.</p>
        )}
      </Sheet>
    </div>
  );
}
