"use client";
// The schema in edit mode. A type change is checked with the server first (a dry run): one the documents do
// not fit is refused at once, with how many documents and a few examples; one that fits is then confirmed.
import { useMemo, useState } from "react";
import { flattenSchema, type OramaSchema } from "@/lib/contracts/orama-schema";
import type { IndexDto } from "@/lib/contracts/indexes";
import { ApiRequestError } from "@/components/api/errors";
import { useCan } from "@/components/shell/role";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SchemaBuilder } from "@/components/schema-builder/schema-builder";
import { localErrors, rowsToSchema, schemaToRows, type Row } from "@/components/schema-builder/model";
import { splitServerErrors } from "@/components/schema-builder/server-errors";
import { useCheckIndexUpdateMutation, useUpdateIndexMutation } from "./queries";
import { IssuesTable } from "./issues-table";

/** The server's `schema_mismatch` details: which document's which value does not fit. */
interface MismatchRow {
  documentId?: string;
  source?: string;
  path: string;
  expected: string;
  got: string;
}

export function SchemaTab({ index }: { index: IndexDto }) {
  // Viewers read the schema; the editor (and its Save) is for members and admins.
  return useCan("member") ? <SchemaEditor index={index} /> : <SchemaReadOnly schema={index.schema as OramaSchema} />;
}

function SchemaReadOnly({ schema }: { schema: OramaSchema }) {
  const rows = Object.entries(flattenSchema(schema));
  return (
    <Table label="Schema">
      <thead>
        <tr>
          <Th>Property</Th>
          <Th>Type</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([path, type]) => (
          <Tr key={path}>
            <Td className="font-mono text-xs">{path}</Td>
            <Td className="font-mono text-xs">{type}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function SchemaEditor({ index }: { index: IndexDto }) {
  const saved = index.schema as OramaSchema;
  const original = useMemo(() => flattenSchema(saved), [saved]);
  const [rows, setRows] = useState<Row[]>(() => schemaToRows(saved));
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useUpdateIndexMutation(index.id);
  const check = useCheckIndexUpdateMutation(index.id);
  const saveSchema = (schema: OramaSchema) => save.mutate({ schema }, { onSettled: () => setConfirming(false) });
  const next = rowsToSchema(rows);
  const flatNext = flattenSchema(next);
  const changed = Object.entries(original).filter(([p, t]) => flatNext[p] !== undefined && flatNext[p] !== t);
  const dirty = JSON.stringify(next) !== JSON.stringify(saved);
  // The last refusal: the dry run's (before any dialog) or the save's (the documents changed meanwhile).
  const err = save.error ?? check.error;
  const mismatch = err instanceof ApiRequestError && err.code === "schema_mismatch" && Array.isArray(err.details) ? (err.details as MismatchRow[]) : null;
  const submit = () => {
    const errs = localErrors(rows);
    setLocal(errs);
    if (Object.keys(errs).length) return;
    save.reset();
    check.reset();
    // Only a change the server would accept is put to the person: check first, then ask.
    if (changed.length) check.mutate({ schema: next }, { onSuccess: () => setConfirming(true) });
    else saveSchema(next);
  };
  return (
    <div className="space-y-4">
      {save.isSuccess && !dirty ? <Alert tone="info">Schema saved. It applies to search from the next deploy.</Alert> : null}
      {err ? (
        <Alert>
          <p>Schema change refused: {err.message}</p>
        </Alert>
      ) : null}
      {mismatch ? <MismatchSummary rows={mismatch} /> : null}
      <SchemaBuilder rows={rows} onChange={setRows} errors={{ ...local, ...splitServerErrors(err).schema }} original={original} />
      <div className="flex items-center justify-end gap-3">
        {!dirty ? <span className="text-xs text-zinc-500" id="save-reason">No changes to save.</span> : null}
        <Button variant="secondary" disabled={!dirty} onClick={() => setRows(schemaToRows(saved))} aria-describedby={!dirty ? "save-reason" : undefined} title={!dirty ? "No changes to save" : undefined}>
          Reset
        </Button>
        <Button disabled={!dirty || save.isPending || check.isPending} onClick={submit} aria-describedby={!dirty ? "save-reason" : undefined} title={!dirty ? "No changes to save" : undefined}>
          {save.isPending ? "Saving…" : check.isPending ? "Checking…" : "Save schema"}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Change property types?"
        confirmLabel="Change types"
        busy={save.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => saveSchema(next)}
      >
        <p>These properties change type. Every live and pending document of {index.name} fits the new types:</p>
        <ul className="list-disc pl-5 font-mono text-xs">
          {changed.map(([p, t]) => (
            <li key={p}>
              {p}: {t} → {flatNext[p]}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}

/**
 * A refusal's rows grouped by what does not fit (path, expected, got), each with a few example documents:
 * the message carries the total count; fifty identical rows say no more than one.
 */
function MismatchSummary({ rows }: { rows: MismatchRow[] }) {
  const groups = new Map<string, { path: string; expected: string; got: string; examples: string[]; listed: number }>();
  for (const r of rows) {
    const key = JSON.stringify([r.path, r.expected, r.got]);
    const g = groups.get(key) ?? { path: r.path, expected: r.expected ?? "—", got: r.got ?? "—", examples: [], listed: 0 };
    g.listed++;
    if (g.examples.length < 3 && r.documentId) g.examples.push(`${r.documentId}${r.source === "pending" ? " (pending)" : ""}`);
    groups.set(key, g);
  }
  const shown = [...groups.values()].slice(0, 5);
  return (
    <div className="space-y-1">
      <IssuesTable
        label="Documents that do not fit"
        rows={shown.map((g) => ({ ...g, examples: g.examples.join(", ") + (g.listed > g.examples.length ? ", …" : "") }))}
        columns={[["path", "Path"], ["expected", "Expected"], ["got", "Got"], ["examples", "For example"]]}
      />
      {groups.size > shown.length ? <p className="text-xs text-zinc-500">And {groups.size - shown.length} more kinds of mismatch.</p> : null}
    </div>
  );
}
