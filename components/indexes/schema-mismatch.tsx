import { Table, Td, Th, Tr } from "@/components/ui/table";

export interface MismatchRow {
  documentId?: string;
  source?: string;
  path: string;
  expected: string;
  got: string;
}

/** The server's `schema_mismatch` details: which document's which value does not fit. */
export function SchemaMismatchTable({ rows }: { rows: MismatchRow[] }) {
  return (
    <Table label="Documents that do not fit">
      <thead>
        <tr>
          <Th>Document</Th>
          <Th>Where</Th>
          <Th>Path</Th>
          <Th>Expected</Th>
          <Th>Got</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <Tr key={i}>
            <Td className="font-mono text-xs">{r.documentId ?? "—"}</Td>
            <Td className="text-xs">{r.source ?? "—"}</Td>
            <Td className="font-mono text-xs">{r.path}</Td>
            <Td className="font-mono text-xs">{r.expected}</Td>
            <Td className="font-mono text-xs">{r.got}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
