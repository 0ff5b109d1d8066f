// Reads an Orama schema for the playground: which properties can be facets, which hold text, and how
// a clicked facet value becomes a `where` filter.

export type FacetType = "enum" | "boolean" | "enum[]" | "string[]" | "boolean[]";
const FACETABLE: readonly string[] = ["enum", "boolean", "enum[]", "string[]", "boolean[]"];

export interface Filter {
  path: string;
  type: FacetType;
  value: string;
}

/** Every leaf of the schema as a dotted path with its type, nested objects flattened. */
export function leaves(schema: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(schema).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : v && typeof v === "object" ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [],
  );
}

/** Properties Orama can count values of without ranges (plain strings are free text, numbers need ranges). */
export function facetable(schema: Record<string, unknown>): { path: string; type: FacetType }[] {
  return leaves(schema)
    .filter(([, t]) => FACETABLE.includes(t))
    .map(([path, type]) => ({ path, type: type as FacetType }));
}

export function textPaths(schema: Record<string, unknown>): string[] {
  return leaves(schema)
    .filter(([, t]) => t === "string" || t === "string[]")
    .map(([p]) => p);
}

/** The `facets` search parameter for these properties (booleans say which values to count). */
export function facetParams(props: { path: string; type: FacetType }[]) {
  return Object.fromEntries(props.map((p) => [p.path, p.type.startsWith("boolean") ? { true: true, false: true } : { limit: 20 }]));
}

/** Active filters as Orama's `where`: values of one property are OR-ed (`in`), except arrays, which must contain all. */
export function whereOf(filters: Filter[]): Record<string, unknown> | undefined {
  if (filters.length === 0) return undefined;
  const by = new Map<string, Filter[]>();
  for (const f of filters) by.set(f.path, [...(by.get(f.path) ?? []), f]);
  const where: Record<string, unknown> = {};
  for (const [path, fs] of by) {
    const type = fs[0].type;
    const values = fs.map((f) => f.value);
    if (type === "boolean" || type === "boolean[]") where[path] = values[values.length - 1] === "true";
    else if (type === "enum") where[path] = values.length === 1 ? { eq: values[0] } : { in: values };
    else if (type === "enum[]") where[path] = { containsAll: values };
    else where[path] = values.length === 1 ? values[0] : values;
  }
  return where;
}

/** The value at a dotted path of a document. */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), doc);
}

/** Number properties: the ones a range filter applies to. */
export function numberPaths(schema: Record<string, unknown>): string[] {
  return leaves(schema)
    .filter(([, t]) => t === "number")
    .map(([p]) => p);
}

/** A range on a number property; either end may be open. */
export type Range = [number | null, number | null];

/** Ranges as Orama's number operators: `between` when both ends are given, else `gte` or `lte`. */
export function rangeWhere(ranges: Record<string, Range>): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const [path, [min, max]] of Object.entries(ranges)) {
    if (min !== null && max !== null) where[path] = { between: [min, max] };
    else if (min !== null) where[path] = { gte: min };
    else if (max !== null) where[path] = { lte: max };
  }
  return where;
}

/** Leaves shown on a hit, in schema order (vectors and geopoints left out: nothing to read there). */
export function displayPaths(schema: Record<string, unknown>): [string, string][] {
  return leaves(schema).filter(([, t]) => !t.startsWith("vector") && t !== "geopoint");
}

/** The document with its keys in schema order (nested objects too), `id` first, other keys after. */
export function inSchemaOrder(doc: Record<string, unknown>, schema: Record<string, unknown>): Record<string, unknown> {
  const keys = ["id", ...Object.keys(schema), ...Object.keys(doc)].filter((k, i, all) => k in doc && all.indexOf(k) === i);
  return Object.fromEntries(
    keys.map((k) => {
      const v = doc[k];
      const sub = schema[k];
      return [k, sub && typeof sub === "object" && v && typeof v === "object" && !Array.isArray(v) ? inSchemaOrder(v as Record<string, unknown>, sub as Record<string, unknown>) : v];
    }),
  );
}
