import { Table, Td, Th, Tr } from "@/components/ui/table";

/**
 * The API's zero-based positions in words people count in: "[2]" → "document 3", "upsert[2]" →
 * "upsert item 3", "remove[0]" → "remove item 1"; "line 3" (NDJSON, already one-based) stays.
 */
export function positionText(at: string | undefined): string {
  if (!at) return "—";
  const m = /^(upsert|update|remove)?\[(\d+)\]$/.exec(at);
  if (!m) return at;
  const n = Number(m[2]) + 1;
  return m[1] ? `${m[1]} item ${n}` : `document ${n}`;
}

/** What was got: the value itself when the API sent it (`"abc"` says "a string" by its quotes), else the type. */
export const gotText = (i: { got?: string; value?: string }): string => i.value ?? i.got ?? "—";

/** Validation issues from the API (upload rows, documents that do not fit a schema) as a monospace table. */
export function IssuesTable<T extends object>({ label, rows, columns }: { label: string; rows: T[]; columns: [keyof T & string, string][] }) {
  return (
    <Table label={label}>
      <thead>
        <tr>
          {columns.map(([key, title]) => (
            <Th key={key}>{title}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <Tr key={i}>
            {columns.map(([key]) => (
              <Td key={key} className="font-mono text-xs">
                {String(r[key] ?? "—")}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
