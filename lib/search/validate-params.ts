// Checks search parameters against the schema of the version they will run on, before Orama sees
// them: Orama 3.1.18 throws TypeErrors (500s) or silently ignores what it does not understand
// (unknown boost/distinctOn properties, operators of another type, options of another mode).
// Pure and cheap: analyseSchema runs once per deployed version, searchParamIssues once per search.
import { flattenSchema, vectorDimension, type OramaSchema } from "../contracts/orama-schema";
import type { SearchParams } from "../contracts/search";
import type { z } from "zod";

/** What a search needs to know about a schema, computed once per deployed version. */
export type SearchSchema = {
  /** Leaf property path → Orama type (`meta.year` → `number`, `embedding` → `vector[3]`). */
  types: ReadonlyMap<string, string>;
  /** Paths of nested objects (`meta`): named by mistake instead of one of their properties. */
  objects: ReadonlySet<string>;
  /** Vector property path → dimension. */
  vectors: ReadonlyMap<string, number>;
};

export function analyseSchema(schema: OramaSchema): SearchSchema {
  const types = new Map(Object.entries(flattenSchema(schema)));
  const objects = new Set<string>();
  const vectors = new Map<string, number>();
  for (const [path, type] of types) {
    const parts = path.split(".");
    for (let i = 1; i < parts.length; i++) objects.add(parts.slice(0, i).join("."));
    const dim = vectorDimension(type);
    if (dim !== null) vectors.set(path, dim);
  }
  return { types, objects, vectors };
}

/** One problem, named by parameter and property, as it goes into the error's `details`. */
export type SearchIssue = { parameter: string; property?: string; path: string; code: string; message: string };

export type ValidateOptions = {
  /** The vector property the index fills from `term` with its embeddings provider (vector/hybrid without `vector`). */
  autoEmbed?: string | null;
};

/** Which parameters each use of a property accepts, by Orama type. */
const SEARCHABLE = new Set(["string", "string[]"]);
const SORTABLE = new Set(["string", "number", "boolean"]); // sorter.js: no enums, arrays, geopoints
const GROUPABLE = SORTABLE; // groups.js ALLOWED_TYPES
const DISTINCT = new Set(["string", "number", "boolean", "enum"]);
const COUNTED_FACETS = new Set(["string", "string[]", "enum", "enum[]"]);
const BOOLEAN_FACETS = new Set(["boolean", "boolean[]"]);
const RANGE_FACETS = new Set(["number", "number[]"]);
const NUMBER_OPS = ["eq", "gt", "gte", "lt", "lte", "between"];
const DISTANCE_UNITS = ["cm", "m", "km", "ft", "yd", "mi"];
const LOGICAL = ["and", "or", "not"];
/** Nesting of and/or/not, and conditions in one `where`: far beyond real filters, bounded so a check stays cheap. */
export const MAX_WHERE_DEPTH = 8;
export const MAX_WHERE_CONDITIONS = 256;
export const MAX_POLYGON_POINTS = 1000;
const MAX_ISSUES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isEnumValue = (v: unknown) => typeof v === "string" || isNumber(v);
const json = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);

/** Every problem of `params` on this schema (empty: Orama can run it as meant). */
export function searchParamIssues(schema: SearchSchema, params: SearchParams, opts: ValidateOptions = {}): SearchIssue[] {
  const issues: SearchIssue[] = [];
  const add = (parameter: string, path: string, code: string, message: string, property?: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ parameter, ...(property === undefined ? {} : { property }), path, code, message });
  };
  /** The type of `property`, or undefined after reporting why it cannot be used in `parameter`. */
  const typeOf = (parameter: string, path: string, property: string, allowed: ReadonlySet<string>, use: string): string | undefined => {
    const type = schema.types.get(property);
    if (type === undefined) {
      const hint = schema.objects.has(property)
        ? `"${property}" is a nested object: name one of its properties (${[...schema.types.keys()].filter((p) => p.startsWith(`${property}.`)).slice(0, 5).join(", ")})`
        : `the schema has ${knownList(schema, allowed)}`;
      add(parameter, path, "unknown_property", `${parameter}: no property "${property}" in the index's schema; ${hint}.`, property);
      return undefined;
    }
    if (!allowed.has(type)) {
      add(parameter, path, "unsupported_property_type", `${parameter}: "${property}" is ${type}; ${use} ${[...allowed].join(", ")} properties.`, property);
      return undefined;
    }
    return type;
  };

  const mode = params.mode ?? "fulltext";
  checkMode(schema, params, mode, opts, add);

  if (params.properties && params.properties !== "*") {
    params.properties.forEach((p, i) => typeOf("properties", `properties.${i}`, p, SEARCHABLE, "full-text search reads"));
  }
  for (const p of Object.keys(params.boost ?? {})) typeOf("boost", `boost.${p}`, p, SEARCHABLE, "boost weighs");
  if (params.sortBy) typeOf("sortBy", "sortBy.property", params.sortBy.property, SORTABLE, "Orama sorts by");
  if (params.distinctOn) typeOf("distinctOn", "distinctOn", params.distinctOn, DISTINCT, "distinctOn compares");
  params.groupBy?.properties.forEach((p, i) => typeOf("groupBy", `groupBy.properties.${i}`, p, GROUPABLE, "Orama groups by"));

  for (const [property, options] of Object.entries(params.facets ?? {})) {
    const path = `facets.${property}`;
    const type = typeOf("facets", path, property, new Set([...COUNTED_FACETS, ...BOOLEAN_FACETS, ...RANGE_FACETS]), "facets count");
    if (!type) continue;
    const given = Object.keys(options).filter((k) => options[k as keyof typeof options] !== undefined);
    const allowed = RANGE_FACETS.has(type) ? ["ranges"] : BOOLEAN_FACETS.has(type) ? ["true", "false"] : ["limit", "offset", "sort"];
    const extra = given.filter((k) => !allowed.includes(k));
    if (extra.length > 0) {
      add("facets", `${path}.${extra[0]}`, "unsupported_facet_option", `facets: "${property}" is ${type}; its facet takes ${allowed.join(", ")}, not ${extra.join(", ")}.`, property);
    }
    if (RANGE_FACETS.has(type)) {
      if (!options.ranges || options.ranges.length === 0) {
        add("facets", `${path}.ranges`, "facet_ranges_required", `facets: "${property}" is ${type}; a number facet counts ranges: { "ranges": [{ "from": 0, "to": 10 }, …] }.`, property);
      } else {
        options.ranges.forEach((r, i) => {
          if (r.from > r.to) add("facets", `${path}.ranges.${i}`, "invalid_range", `facets: range ${i} of "${property}" has from ${r.from} > to ${r.to}.`, property);
        });
      }
    }
  }

  if (params.where) {
    const budget = { conditions: 0 };
    checkWhere(schema, params.where, "where", 0, budget, add, typeOf);
  }
  return issues;
}

type Add = (parameter: string, path: string, code: string, message: string, property?: string) => void;
type TypeOf = (parameter: string, path: string, property: string, allowed: ReadonlySet<string>, use: string) => string | undefined;

function knownList(schema: SearchSchema, allowed: ReadonlySet<string>): string {
  const names = [...schema.types].filter(([, t]) => allowed.has(t)).map(([p]) => p);
  if (names.length === 0) return `no ${[...allowed].join("/")} properties`;
  return `${names.slice(0, 10).join(", ")}${names.length > 10 ? ", …" : ""}`;
}

/** vector/hybrid need a vector of the right size (or the index's embeddings and a term); options of another mode are refused. */
function checkMode(schema: SearchSchema, params: SearchParams, mode: string, opts: ValidateOptions, add: Add) {
  const unused = (names: (keyof SearchParams)[], why: string) => {
    for (const name of names) if (params[name] !== undefined) add(name, name, "unused_in_mode", `${name} ${why}; this search has mode "${mode}".`);
  };
  if (mode === "fulltext") {
    unused(["vector", "similarity", "hybridWeights"], 'applies to mode "vector" or "hybrid" only');
    return;
  }
  if (mode === "vector") unused(["sortBy", "distinctOn", "boost", "properties", "exact", "tolerance", "threshold", "hybridWeights"], 'applies to the term of a "fulltext" or "hybrid" search only');
  else unused(["sortBy", "distinctOn"], 'is not applied by Orama in mode "hybrid" (results are ranked by the merged score)');

  if (params.vector) {
    const { property, value } = params.vector;
    const dim = schema.vectors.get(property);
    if (dim === undefined) {
      const known = [...schema.vectors.keys()];
      add("vector", "vector.property", schema.types.has(property) ? "unsupported_property_type" : "unknown_property", `vector: "${property}" is not a vector property of the index's schema${known.length ? ` (vector properties: ${known.join(", ")})` : "; it has none"}.`, property);
    } else if (value.length !== dim) {
      add("vector", "vector.value", "vector_dimension_mismatch", `vector: "${property}" holds ${dim}-dimensional vectors, but vector.value has ${value.length} numbers.`, property);
    }
  } else if (opts.autoEmbed) {
    if (!schema.vectors.has(opts.autoEmbed)) {
      add("mode", "mode", "embeddings_not_deployed", `mode "${mode}": the index's embeddings ("${opts.autoEmbed}") are not in the live version yet; deploy it, or send vector.`, opts.autoEmbed);
    } else if (!params.term) {
      add("term", "term", "term_required", `mode "${mode}" needs a term (to embed) or a vector.`);
    }
  } else {
    add("vector", "vector", "vector_required", `mode "${mode}" needs vector ({ value: number[], property }): this index has no embeddings settings to embed the term.`);
  }
  if (mode === "hybrid" && params.hybridWeights && (params.hybridWeights.text === 0 || params.hybridWeights.vector === 0)) {
    // search-hybrid.js falls back to 0.5/0.5 when either weight is 0: say so instead of ignoring it.
    add("hybridWeights", "hybridWeights", "invalid_weights", 'hybridWeights: both weights must be above 0 (Orama ignores the pair otherwise); for one side only use mode "fulltext" or "vector".');
  }
}

function checkWhere(schema: SearchSchema, where: unknown, path: string, depth: number, budget: { conditions: number }, add: Add, typeOf: TypeOf): void {
  if (!isObject(where)) {
    add("where", path, "invalid_filter", `where: ${path} must be an object of filters, got ${json(where)}.`);
    return;
  }
  if (depth > MAX_WHERE_DEPTH) {
    add("where", path, "filter_too_deep", `where: and/or/not nest deeper than ${MAX_WHERE_DEPTH} levels.`);
    return;
  }
  const keys = Object.keys(where);
  const logical = keys.filter((k) => LOGICAL.includes(k));
  if (logical.length > 0 && keys.length > 1) {
    // index.js looks at and, then or, then not, and ignores every other key of the object.
    add("where", path, "mixed_filter", `where: "${logical[0]}" must be the only key of its object (Orama ignores the others); put the other filters inside an "and".`);
    return;
  }
  if (logical.length === 1) {
    const op = logical[0];
    const inner = where[op];
    if (op === "not") return checkWhere(schema, inner, `${path}.not`, depth + 1, budget, add, typeOf);
    if (!Array.isArray(inner) || inner.length === 0) {
      add("where", `${path}.${op}`, "invalid_filter", `where: "${op}" takes a non-empty array of filters, got ${json(inner)}.`);
      return;
    }
    inner.forEach((f, i) => checkWhere(schema, f, `${path}.${op}.${i}`, depth + 1, budget, add, typeOf));
    return;
  }
  for (const property of keys) {
    if (++budget.conditions > MAX_WHERE_CONDITIONS) {
      add("where", path, "too_many_filters", `where: more than ${MAX_WHERE_CONDITIONS} conditions.`);
      return;
    }
    const at = `${path}.${property}`;
    if (schema.vectors.has(property)) {
      add("where", at, "unsupported_property_type", `where: "${property}" is a vector property and cannot be filtered; search it with mode "vector".`, property);
      continue;
    }
    const type = typeOf("where", at, property, FILTERABLE, "where filters");
    if (type) checkCondition(type, property, where[property], at, add);
  }
}

const FILTERABLE = new Set(["string", "string[]", "number", "number[]", "boolean", "boolean[]", "enum", "enum[]", "geopoint"]);

/** One property's condition, by its type's operators (index.js searchByWhereClause, trees/flat.js, trees/bkd.js). */
function checkCondition(type: string, property: string, cond: unknown, at: string, add: Add) {
  const bad = (message: string, code = "invalid_filter") => add("where", at, code, `where: "${property}" is ${type}; ${message}`, property);
  if (type === "string" || type === "string[]") {
    const ok = typeof cond === "string" || (Array.isArray(cond) && cond.length > 0 && cond.every((v) => typeof v === "string"));
    if (!ok) bad(`filter it with a term or a non-empty list of terms ("red" or ["red", "blue"]), not ${json(cond)}.`, isObject(cond) ? "unsupported_operator" : "invalid_filter");
    return;
  }
  if (type === "boolean" || type === "boolean[]") {
    if (typeof cond !== "boolean") bad(`filter it with true or false, not ${json(cond)}.`, isObject(cond) ? "unsupported_operator" : "invalid_filter");
    return;
  }
  const ops: Record<string, string[]> = {
    number: NUMBER_OPS,
    "number[]": NUMBER_OPS,
    enum: ["eq", "in", "nin"],
    "enum[]": ["containsAll", "containsAny"],
    geopoint: ["radius", "polygon"],
  };
  const allowed = ops[type];
  if (!isObject(cond)) return bad(`filter it with one of the operators ${allowed.join(", ")} ({ "${allowed[0]}": … }), not ${json(cond)}.`);
  const keys = Object.keys(cond);
  if (keys.length !== 1) return bad(`give exactly one operator of ${allowed.join(", ")} per condition (got ${keys.length}); combine several with "and".`);
  const op = keys[0];
  if (!allowed.includes(op)) return bad(`its operators are ${allowed.join(", ")}, not "${op}".`, "unsupported_operator");
  const v = cond[op];
  if (type === "number" || type === "number[]") {
    if (op === "between") {
      if (!Array.isArray(v) || v.length !== 2 || !v.every(isNumber)) return bad(`"between" takes [min, max], not ${json(v)}.`);
      if (v[0] > v[1]) bad(`"between" takes [min, max] with min ≤ max, not ${json(v)}.`);
    } else if (!isNumber(v)) bad(`"${op}" takes a number, not ${json(v)}.`);
    return;
  }
  if (type === "enum") {
    if (op === "eq" ? !isEnumValue(v) : !(Array.isArray(v) && v.length > 0 && v.every(isEnumValue))) {
      bad(op === "eq" ? `"eq" takes a string or a number, not ${json(v)}.` : `"${op}" takes a non-empty list of strings or numbers, not ${json(v)}.`);
    }
    return;
  }
  if (type === "enum[]") {
    if (!(Array.isArray(v) && v.length > 0 && v.every(isEnumValue))) bad(`"${op}" takes a non-empty list of strings or numbers, not ${json(v)}.`);
    return;
  }
  const problem = op === "radius" ? radiusProblem(v) : polygonProblem(v);
  if (problem) bad(`"${op}" ${problem}`);
}

function pointProblem(p: unknown): string | null {
  if (!isObject(p) || !isNumber(p.lat) || !isNumber(p.lon)) return `a point is { "lat": number, "lon": number }, not ${json(p)}`;
  if (Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) return `lat is within ±90 and lon within ±180, not ${json(p)}`;
  return null;
}

function extraKeys(v: Record<string, unknown>, allowed: string[]): string | null {
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  return extra.length ? `takes ${allowed.join(", ")}, not ${extra.join(", ")}.` : null;
}

function flagsProblem(v: Record<string, unknown>): string | null {
  for (const k of ["inside", "highPrecision"]) if (v[k] !== undefined && typeof v[k] !== "boolean") return `"${k}" is true or false, not ${json(v[k])}.`;
  return null;
}

function radiusProblem(v: unknown): string | null {
  if (!isObject(v)) return `takes { "coordinates": { "lat", "lon" }, "value", "unit"?, "inside"?, "highPrecision"? }, not ${json(v)}.`;
  const extra = extraKeys(v, ["coordinates", "value", "unit", "inside", "highPrecision"]);
  if (extra) return extra;
  const point = pointProblem(v.coordinates);
  if (point) return `coordinates: ${point}.`;
  if (!isNumber(v.value) || v.value < 0) return `"value" is a distance ≥ 0, not ${json(v.value)}.`;
  if (v.unit !== undefined && !DISTANCE_UNITS.includes(v.unit as string)) return `"unit" is one of ${DISTANCE_UNITS.join(", ")} (default m), not ${json(v.unit)}.`;
  return flagsProblem(v);
}

function polygonProblem(v: unknown): string | null {
  if (!isObject(v)) return `takes { "coordinates": [{ "lat", "lon" }, …], "inside"?, "highPrecision"? }, not ${json(v)}.`;
  const extra = extraKeys(v, ["coordinates", "inside", "highPrecision"]);
  if (extra) return extra;
  const c = v.coordinates;
  if (!Array.isArray(c) || c.length < 3 || c.length > MAX_POLYGON_POINTS) return `"coordinates" is a list of 3 to ${MAX_POLYGON_POINTS} points, not ${json(c)}.`;
  for (const p of c) {
    const point = pointProblem(p);
    if (point) return `coordinates: ${point}.`;
  }
  return flagsProblem(v);
}

/** The error message for a list of issues: the first one, and how many more. */
export function describeIssues(issues: SearchIssue[]): string {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""} in details)` : "";
  return `Invalid search: ${issues[0]?.message ?? "bad parameters"}${more}`;
}

/** The contract's shape checks (zod) as issues of the same form: parameter, property where one is named. */
export function issuesFromZod(error: z.ZodError): SearchIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((i) => {
    const keys = (i as { keys?: string[] }).keys;
    const parameter = i.path.length > 0 ? String(i.path[0]) : keys?.length ? keys[0] : "(root)";
    const property = ["facets", "boost"].includes(parameter) && i.path.length > 1 ? String(i.path[1]) : undefined;
    const path = i.path.map(String).join(".") || "(root)";
    const message = keys?.length ? `unknown search parameter${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}` : `${path}: ${i.message}`;
    return { parameter, ...(property === undefined ? {} : { property }), path, code: i.code, message };
  });
}

/** Which parameter an error Orama raised at search time is about (its codes, errors.js), for the details. */
const ENGINE_PARAMETERS: [RegExp, string][] = [
  [/FILTER/, "where"],
  [/SORT/, "sortBy"],
  [/GROUP_BY/, "groupBy"],
  [/FACET/, "facets"],
  [/BOOST/, "boost"],
  [/VECTOR/, "vector"],
  [/UNKNOWN_INDEX/, "properties"],
  [/DISTANCE/, "where"],
  [/MODE/, "mode"],
];

export function engineIssue(code: string, message: string): SearchIssue {
  const parameter = ENGINE_PARAMETERS.find(([re]) => re.test(code.toUpperCase()))?.[1] ?? "(search)";
  return { parameter, path: parameter, code: code.toLowerCase(), message };
}
