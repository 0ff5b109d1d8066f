// Infers schema rows from a sample document: the types Orama can index, nothing it cannot.
import { newRow, type Row } from "./model";

const VECTOR_HINT_MIN = 8;

function isGeopoint(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v).sort().join(",");
  return keys === "lat,lon" && typeof v.lat === "number" && typeof v.lon === "number";
}

function inferOne(name: string, v: unknown): Row | null {
  if (typeof v === "string") return newRow({ name, type: "string" });
  if (typeof v === "number") return newRow({ name, type: "number" });
  if (typeof v === "boolean") return newRow({ name, type: "boolean" });
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    if (v.every((x) => typeof x === "string")) return newRow({ name, type: "string[]" });
    if (v.every((x) => typeof x === "boolean")) return newRow({ name, type: "boolean[]" });
    if (v.every((x) => typeof x === "number")) {
      // Long number arrays look like embeddings, but only the user knows: suggest, don't decide.
      return newRow({ name, type: "number[]", suggestion: v.length >= VECTOR_HINT_MIN ? `vector[${v.length}]` : undefined });
    }
    return null;
  }
  if (v && typeof v === "object") {
    const obj = v as Record<string, unknown>;
    if (isGeopoint(obj)) return newRow({ name, type: "geopoint" });
    const children = inferRows(obj, false);
    return children.length ? newRow({ name, type: "object", children }) : null;
  }
  return null;
}

/** Rows for every property of `doc` with an indexable value; `id` is the document id and is skipped. */
export function inferRows(doc: Record<string, unknown>, top = true): Row[] {
  const rows: Row[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (top && k === "id") continue;
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(k)) continue;
    const row = inferOne(k, v);
    if (row) rows.push(row);
  }
  return rows;
}

/** Parses a pasted sample: one document, an array (first item) or NDJSON (first line). */
export function parseSample(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    value = JSON.parse(trimmed.split("\n")[0]);
  }
  if (Array.isArray(value)) value = value[0];
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("Paste a JSON object (a document).");
  return value as Record<string, unknown>;
}
