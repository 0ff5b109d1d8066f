// Checks documents against an index's Orama schema. Properties outside the schema are allowed (they
// are stored, not indexed); a missing or null value is allowed; a present value must fit its type.
import { flattenSchema, vectorDimension, type OramaSchema } from "../contracts/orama-schema";
import { propertyTokenCounter, type DocumentLimits } from "./document-limits";

export interface DocumentIssue {
  /** Where the document is: "[3]" in a JSON array, "upsert[2]" in a notify, "line 17" in NDJSON. */
  at?: string;
  path: string;
  expected: string;
  got: string;
  /** The value itself, as short JSON (`"abc"`, `12`, `[1,"x"]`), cut at 60 characters: "got string" alone
   * leaves the reader hunting for which string. Absent when there is no value (a missing id). */
  value?: string;
  /** The document's id, on limit issues (the position in `at` names it too). */
  id?: string;
  /** The limit a value is over (name of its setting and value), on limit issues. */
  limit?: { name: string; value: number };
}

export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && !Number.isFinite(v)) return "non-finite number";
  return typeof v;
}

const PREVIEW_CHARS = 60;

/** A value as short JSON for an issue's `value`; undefined when there is nothing to show. */
export function previewValue(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/** `got` and `value` of an issue about `v`. */
export const gotValue = (v: unknown) => {
  const value = previewValue(v);
  return value === undefined ? { got: describeValue(v) } : { got: describeValue(v), value };
};

const isFiniteNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const scalarCheck: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  number: isFiniteNumber,
  boolean: (v) => typeof v === "boolean",
  enum: (v) => typeof v === "string" || isFiniteNumber(v),
  geopoint: (v) => {
    const g = v as { lat?: unknown; lon?: unknown };
    return (
      !!g && typeof g === "object" && !Array.isArray(g) &&
      isFiniteNumber(g.lat) && isFiniteNumber(g.lon) &&
      Math.abs(g.lat as number) <= 90 && Math.abs(g.lon as number) <= 180
    );
  },
};

export function fitsType(type: string, value: unknown): boolean {
  if (scalarCheck[type]) return scalarCheck[type](value);
  if (type.endsWith("[]")) {
    const item = scalarCheck[type.slice(0, -2)];
    return Array.isArray(value) && value.every((x) => item(x));
  }
  const dim = vectorDimension(type);
  return dim !== null && Array.isArray(value) && value.length === dim && value.every(isFiniteNumber);
}

function expectedText(type: string): string {
  if (type === "geopoint") return "geopoint { lat: -90..90, lon: -180..180 }";
  const dim = vectorDimension(type);
  return dim ? `vector of ${dim} numbers` : type;
}

/**
 * A compiled checker: flattening the schema once per request, not once per document. With `limits`,
 * string and string[] values are also held to the tokens-per-property limit (document-limits.ts).
 */
export function documentValidator(schema: OramaSchema, limits?: DocumentLimits) {
  const paths = Object.entries(flattenSchema(schema)).map(([path, type]) => ({ path, parts: path.split("."), type }));
  const countTokens = limits ? propertyTokenCounter(limits) : null;
  return (doc: Record<string, unknown>): DocumentIssue[] => {
    const issues: DocumentIssue[] = [];
    for (const { path, parts, type } of paths) {
      let value: unknown = doc;
      let parentPath = "";
      for (const part of parts) {
        if (value === undefined || value === null) break;
        if (typeof value !== "object" || Array.isArray(value)) {
          issues.push({ path: parentPath, expected: "object", ...gotValue(value) });
          value = undefined;
          break;
        }
        value = (value as Record<string, unknown>)[part];
        parentPath = parentPath ? `${parentPath}.${part}` : part;
      }
      if (value === undefined || value === null) continue;
      if (!fitsType(type, value)) issues.push({ path, expected: expectedText(type), ...gotValue(value) });
      else if (countTokens && (type === "string" || type === "string[]")) {
        const over = countTokens(path, value as string | string[]);
        if (over) issues.push(over);
      }
    }
    // A nested object that failed at a shared parent is reported once.
    return issues.filter((i, n) => issues.findIndex((j) => j.path === i.path) === n);
  };
}

/** Document ids: a non-empty string (≤ 512 chars) or an integer, normalised to a string. */
export function normaliseId(id: unknown): string | null {
  if (typeof id === "string" && id.length > 0 && id.length <= 512) return id;
  if (typeof id === "number" && Number.isSafeInteger(id)) return String(id);
  return null;
}
