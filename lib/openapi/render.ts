// Reading the OpenAPI document for people: a schema as rows of fields (name, type, required, what it
// means), with $refs resolved, and an example body built from the schema when the document has none.
// Client-safe (no imports): the dashboard's API reference page uses it.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  contentMediaType?: string;
};

export type Components = { schemas?: Record<string, unknown> };

/** One field of a body: `upsert[].id`, its type in words, whether it must be sent, and what it means. */
export interface FieldRow {
  path: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
  /** Limits and defaults in words: "1–64 characters", "default 10". */
  notes: string[];
}

const REF = /^#\/components\/schemas\/(.+)$/;

export function refName(ref: string): string {
  return REF.exec(ref)?.[1] ?? ref;
}

/** The schema a $ref points at (one level; undefined when it does not resolve). */
export function resolve(schema: JsonSchema | undefined, components: Components | undefined, seen: Set<string> = new Set()): JsonSchema | undefined {
  let s = schema;
  while (s?.$ref) {
    if (seen.has(s.$ref)) return undefined;
    seen.add(s.$ref);
    const target = components?.schemas?.[refName(s.$ref)] as JsonSchema | undefined;
    if (!target) return undefined;
    // Sibling keywords (a description beside the $ref) win over the target's.
    const { $ref: _r, ...siblings } = s;
    s = { ...target, ...siblings };
  }
  return s;
}

/** Every $ref in the document that points nowhere. */
export function unresolvedRefs(doc: unknown): string[] {
  const components = (doc as { components?: Components }).components;
  const bad: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && !components?.schemas?.[refName(x)]) bad.push(x);
        else walk(x);
      }
    }
  };
  walk(doc);
  return bad;
}

const variants = (s: JsonSchema) => s.anyOf ?? s.oneOf;

/** The type in words: `string`, `integer[]`, `"asc" | "desc"`, `map of number`, `SearchRequest` … */
export function typeOf(schema: JsonSchema | undefined, components?: Components, depth = 0): string {
  if (!schema) return "any";
  if (schema.$ref && depth > 0) return refName(schema.$ref);
  const s = resolve(schema, components) ?? schema;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(" | ");
  const vs = variants(s);
  if (vs) return [...new Set(vs.map((v) => typeOf(v, components, depth + 1)))].join(" | ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (!types.length) return s.properties ? "object" : "any";
  return types
    .map((t) => {
      if (t === "array") return `${typeOf(s.items, components, depth + 1).includes(" ") ? `(${typeOf(s.items, components, depth + 1)})` : typeOf(s.items, components, depth + 1)}[]`;
      if (t === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object") return `map of ${typeOf(s.additionalProperties, components, depth + 1)}`;
      if (t === "string" && s.contentMediaType) return `text (${s.contentMediaType})`;
      return t;
    })
    .join(" | ");
}

function notesOf(s: JsonSchema): string[] {
  const n: string[] = [];
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    const u = (v: number) => (unit && v === 1 ? unit.replace(/s$/, "") : unit);
    if (lo !== undefined && hi !== undefined) n.push(`${lo}–${hi}${unit}`);
    else if (lo !== undefined) n.push(`at least ${lo}${u(lo)}`);
    else if (hi !== undefined) n.push(`at most ${hi}${u(hi)}`);
  };
  range(s.minLength, s.maxLength, " characters");
  range(s.minItems, s.maxItems, " items");
  range(s.minimum ?? s.exclusiveMinimum, s.maximum ?? s.exclusiveMaximum, "");
  if (s.format) n.push(s.format);
  if (s.pattern) n.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) n.push(`default ${JSON.stringify(s.default)}`);
  return n;
}

/** The object schemas a field's value may be (through arrays and unions), with the $refs passed on the way. */
function objectsWithin(s: JsonSchema | undefined, components: Components | undefined, suffix = "", refs: string[] = []): { schema: JsonSchema; suffix: string; refs: string[] }[] {
  if (!s) return [];
  const via = s.$ref ? [...refs, s.$ref] : refs;
  const r = resolve(s, components);
  if (!r) return [];
  if (r.properties) return [{ schema: r, suffix, refs: via }];
  if (r.items) return objectsWithin(r.items, components, `${suffix}[]`, via);
  const vs = variants(r);
  if (vs) return vs.flatMap((v) => objectsWithin(v, components, suffix, via));
  return [];
}

/**
 * The fields of a body schema, depth-first: a top-level object's properties, an array's item fields as
 * `[].name`, the fields of each object a union may be. Stops at `maxDepth` and at a $ref already being
 * expanded (recursive schemas).
 */
export function fieldRows(schema: JsonSchema | undefined, components: Components | undefined, maxDepth = 4): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (s: JsonSchema | undefined, prefix: string, depth: number, expanding: Set<string>) => {
    if (depth > maxDepth) return;
    for (const { schema: obj, suffix, refs } of objectsWithin(s, components)) {
      if (refs.some((r) => expanding.has(r))) continue;
      const inner = new Set([...expanding, ...refs]);
      for (const [name, prop] of Object.entries(obj.properties ?? {})) {
        const p = resolve(prop, components) ?? prop;
        const path = `${prefix}${suffix}${prefix || suffix ? "." : ""}${name}`.replace(/^\./, "");
        rows.push({ path, depth, type: typeOf(prop, components, 1), required: obj.required?.includes(name) ?? false, description: p.description ?? prop.description, notes: notesOf(p) });
        visit(prop, path, depth + 1, inner);
      }
    }
  };
  visit(schema, "", 0, new Set());
  return rows;
}

const SAMPLE_STRINGS: Record<string, string> = {
  email: "ada@example.com",
  "date-time": "2026-01-01T00:00:00.000Z",
  date: "2026-01-01",
  uri: "https://receiver.example/hook",
  url: "https://receiver.example/hook",
  uuid: "0b5c3c8e-4a57-4a6e-9f4e-1f2d3c4b5a69",
};

/**
 * An example value for a schema: its own example, default, const or first enum value; otherwise built
 * from its type (objects: the required properties, or the first three when none is required).
 */
export function exampleFor(schema: JsonSchema | undefined, components?: Components, depth = 0, seen: Set<string> = new Set()): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return undefined;
    return exampleFor(resolve(schema, components), components, depth, new Set([...seen, schema.$ref]));
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const vs = variants(schema);
  if (vs) {
    const v = vs.find((x) => resolve(x, components)?.type !== "null") ?? vs[0];
    return exampleFor(v, components, depth + 1, seen);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : undefined)) {
    case "object": {
      const props = Object.entries(schema.properties ?? {});
      const chosen = props.filter(([k]) => schema.required?.includes(k));
      const out: Record<string, unknown> = {};
      for (const [k, p] of chosen.length ? chosen : props.slice(0, 3)) {
        const v = exampleFor(p, components, depth + 1, seen);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case "array": {
      const item = exampleFor(schema.items, components, depth + 1, seen);
      return item === undefined ? [] : [item];
    }
    case "string":
      return SAMPLE_STRINGS[schema.format ?? ""] ?? (schema.minLength && schema.minLength > 6 ? "x".repeat(schema.minLength) : "string");
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return undefined;
  }
}

/** A media type's example as text: the document's, or one built from its schema. */
export function exampleText(
  type: string,
  media: { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> },
  components?: Components,
): string | null {
  const given = media.example ?? Object.values(media.examples ?? {})[0]?.value;
  const value = given !== undefined ? given : exampleFor(media.schema, components);
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  // A form is sent as fields, not JSON.
  if (type === "application/x-www-form-urlencoded" && value && typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
      .join("&");
  }
  return JSON.stringify(value, null, 2);
}
