// The schema builder's editable rows and their two-way mapping to Orama's schema format.
import { PROPERTY_TYPES, vectorDimension, type OramaSchema } from "@/lib/contracts/orama-schema";

export const ROW_TYPES = [...PROPERTY_TYPES, "object"] as const;
export type RowType = (typeof ROW_TYPES)[number];

export interface Row {
  key: string;
  name: string;
  type: RowType;
  /** Dimension when type is vector. */
  dim: number;
  children: Row[];
  /** A type inference thinks likely but did not pick (e.g. vector[768] for a long number array). */
  suggestion?: string;
}

let seq = 0;
export function newRow(partial: Partial<Row> = {}): Row {
  return { key: `r${++seq}`, name: "", type: "string", dim: 384, children: [], ...partial };
}

export function rowType(row: Row): string {
  return row.type === "vector" ? `vector[${row.dim}]` : row.type;
}

/** Rows → Orama schema; rows without a name are left out (they are reported as errors instead). */
export function rowsToSchema(rows: Row[]): OramaSchema {
  const out: OramaSchema = {};
  for (const r of rows) {
    if (!r.name.trim()) continue;
    out[r.name.trim()] = r.type === "object" ? rowsToSchema(r.children) : rowType(r);
  }
  return out;
}

export function schemaToRows(schema: OramaSchema): Row[] {
  return Object.entries(schema).map(([name, t]) => {
    if (typeof t !== "string") return newRow({ name, type: "object", children: schemaToRows(t) });
    const dim = vectorDimension(t);
    if (dim !== null) return newRow({ name, type: "vector", dim });
    return newRow({ name, type: (ROW_TYPES as readonly string[]).includes(t) ? (t as RowType) : "string" });
  });
}

/** Applies `fn` to the row at `path` (indexes from the top), returning new arrays along the way. */
export function updateAt(rows: Row[], path: number[], fn: (r: Row) => Row | null): Row[] {
  const [i, ...rest] = path;
  const out = [...rows];
  if (rest.length === 0) {
    const next = fn(rows[i]);
    if (next) out[i] = next;
    else out.splice(i, 1);
    return out;
  }
  out[i] = { ...rows[i], children: updateAt(rows[i].children, rest, fn) };
  return out;
}

/** Merges inferred rows into the current ones: same-named top-level rows are replaced, others appended. */
export function mergeRows(current: Row[], inferred: Row[]): Row[] {
  const out = current.filter((r) => r.name.trim() !== "");
  for (const r of inferred) {
    const at = out.findIndex((c) => c.name === r.name);
    if (at >= 0) out[at] = r;
    else out.push(r);
  }
  return out;
}

/** Problems the server would refuse, found before sending: empty names, duplicates, empty objects. */
export function localErrors(rows: Row[], prefix = ""): Record<string, string> {
  const errs: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const name = r.name.trim();
    const at = name ? prefix + name : `${prefix}#${i + 1}`;
    if (!name) errs[at] = "a property needs a name";
    else if (seen.has(name)) errs[at] = "duplicate property name";
    seen.add(name);
    if (r.type === "vector" && !(r.dim >= 1 && r.dim <= 4096)) errs[at] = "dimension between 1 and 4096";
    if (r.type === "object") {
      if (r.children.length === 0) errs[at] = "add at least one nested property";
      Object.assign(errs, localErrors(r.children, `${at}.`));
    }
  });
  return errs;
}
