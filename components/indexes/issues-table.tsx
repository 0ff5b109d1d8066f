import { Table, Td, Th, Tr } from "@/components/ui/table";

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
