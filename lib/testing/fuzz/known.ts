// KNOWN_UNTIL_MERGE: the 5xx answers this suite finds that other helpers of issue 10 are fixing on
// their own branches. Each entry names the route, the owner and a predicate narrow enough to match
// only that bug; any other 5xx fails the suite. THE LEAD DELETES THIS LIST (and its use in
// fuzz.api.test.ts) after merging those branches: from then on the suite must be green without it.
import { FUZZ_PROPS } from "./domain";
import type { FuzzRequest, FuzzResponse } from "./harness";

export interface KnownBug {
  owner: string;
  what: string;
  matches(req: FuzzRequest, res: FuzzResponse): boolean;
}

const SEARCH_PATH = /^\/api\/v1\/indexes\/fuzz\/search$/;

export const KNOWN_UNTIL_MERGE: KnownBug[] = [
  {
    owner: "search-validation",
    what: "search parameters are not checked against the schema before Orama sees them (facets on a number without ranges, facets/where/sortBy/groupBy/… on unknown properties, operators the type does not support)",
    matches: (req, res) => res.status === 500 && SEARCH_PATH.test(req.path) && searchValidationReason(searchParamsOf(req)) !== null,
  },
  {
    owner: "redaction-limits",
    what: "JSON nested thousands deep overflows the stack instead of a clear 400 with the depth limit",
    matches: (req, res) => res.status === 500 && jsonDepth(req.body ?? "") > 1000,
  },
];

export function knownBug(req: FuzzRequest, res: FuzzResponse): KnownBug | undefined {
  return KNOWN_UNTIL_MERGE.find((k) => k.matches(req, res));
}

/** Search parameters of a request: the JSON body, the form's or the query's `q`. */
function searchParamsOf(req: FuzzRequest): unknown {
  const q = (s: string) => new URLSearchParams(s).get("q");
  const text = req.method === "GET" ? q(req.query) : req.contentType?.startsWith("application/x-www-form-urlencoded") ? q(req.body ?? "") : req.body;
  try {
    return JSON.parse(text ?? "");
  } catch {
    return null;
  }
}

/** Greatest bracket nesting of a JSON text (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return max;
}

const RANGE = ["gt", "gte", "lt", "lte", "between"];
/** Operators Orama supports per property type (an array value or a plain value is "equals"). */
const OPERATORS: Record<string, string[]> = {
  string: [],
  number: ["eq", ...RANGE],
  "number[]": ["eq", ...RANGE],
  boolean: [],
  "boolean[]": [],
  enum: ["eq", "in", "nin"],
  "enum[]": ["containsAll", "containsAny"],
  "string[]": [],
  geopoint: ["radius", "polygon"],
};
const FACETABLE = new Set(["string", "number", "boolean", "enum", "string[]", "number[]", "boolean[]", "enum[]"]);
const SORTABLE = new Set(["string", "number", "boolean"]);

/**
 * Why search-validation would refuse these parameters with 400 `invalid_search` (a property unknown to
 * the main index's schema, or an operator/parameter its type does not support), or null if they are
 * fine as far as the schema goes. Used only to recognise that helper's bug.
 */
export function searchValidationReason(p: unknown): string | null {
  if (!p || typeof p !== "object" || Array.isArray(p)) return null;
  const params = p as Record<string, unknown>;
  const type = (name: unknown) => (typeof name === "string" && Object.hasOwn(FUZZ_PROPS, name) ? FUZZ_PROPS[name] : null);
  const where = whereReason(params.where, type);
  if (where) return where;
  if (params.facets && typeof params.facets === "object") {
    for (const [name, f] of Object.entries(params.facets)) {
      const t = type(name);
      if (!t || !FACETABLE.has(t)) return `facet on ${name}`;
      if (t === "number" && !(f as { ranges?: unknown[] })?.ranges?.length) return `number facet ${name} without ranges`;
    }
  }
  const sortBy = params.sortBy as { property?: unknown } | undefined;
  if (sortBy && typeof sortBy === "object" && !SORTABLE.has(type(sortBy.property) ?? "")) return "sortBy";
  const groupBy = params.groupBy as { properties?: unknown } | undefined;
  if (groupBy && Array.isArray(groupBy.properties) && groupBy.properties.some((n) => !FACETABLE.has(type(n) ?? ""))) return "groupBy";
  if (params.distinctOn !== undefined && !type(params.distinctOn)) return "distinctOn";
  if (params.boost && typeof params.boost === "object" && Object.keys(params.boost).some((n) => type(n) !== "string" && type(n) !== "string[]")) return "boost";
  if (Array.isArray(params.properties) && params.properties.some((n) => type(n) !== "string" && type(n) !== "string[]")) return "properties";
  if (params.mode === "vector" || params.mode === "hybrid" || params.vector) {
    const v = params.vector as { property?: unknown; value?: unknown[] } | undefined;
    if (!v || !String(type(v.property)).startsWith("vector") || v.value?.length !== 3) return "vector";
  }
  return null;
}

function whereReason(where: unknown, type: (n: unknown) => string | null): string | null {
  if (where === undefined) return null;
  if (!where || typeof where !== "object" || Array.isArray(where)) return "where is not an object";
  for (const [key, cond] of Object.entries(where)) {
    if (key === "and" || key === "or") {
      if (!Array.isArray(cond)) return `${key} is not a list`;
      for (const w of cond) {
        const r = whereReason(w, type);
        if (r) return r;
      }
      continue;
    }
    if (key === "not") {
      const r = whereReason(cond, type);
      if (r) return r;
      continue;
    }
    const t = type(key);
    if (!t || t.startsWith("vector")) return `where on ${key}`;
    if (cond === null || typeof cond !== "object" || Array.isArray(cond)) {
      if (!plainValueFits(t, cond)) return `value ${JSON.stringify(cond)} on ${t}`;
      continue;
    }
    for (const [op, operand] of Object.entries(cond)) {
      if (!OPERATORS[t]?.includes(op)) return `${op} on ${t}`;
      if (!operandFits(op, operand)) return `${op} with ${JSON.stringify(operand)?.slice(0, 80)}`;
    }
  }
  return null;
}

const isNum = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const isPoint = (v: unknown) => !!v && typeof v === "object" && isNum((v as { lat?: unknown }).lat) && isNum((v as { lon?: unknown }).lon);

function plainValueFits(t: string, v: unknown): boolean {
  const base = t.replace("[]", "");
  const one = (x: unknown) => (base === "number" ? isNum(x) : base === "boolean" ? typeof x === "boolean" : base === "enum" ? typeof x === "string" || isNum(x) : typeof x === "string");
  if (t === "geopoint") return false;
  return Array.isArray(v) ? v.every(one) : one(v);
}

function operandFits(op: string, v: unknown): boolean {
  switch (op) {
    case "eq":
      return typeof v === "string" || isNum(v) || typeof v === "boolean";
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return isNum(v);
    case "between":
      return Array.isArray(v) && v.length === 2 && v.every(isNum);
    case "in":
    case "nin":
    case "containsAll":
    case "containsAny":
      return Array.isArray(v) && v.every((x) => typeof x === "string" || isNum(x));
    case "radius": {
      const r = v as { coordinates?: unknown; value?: unknown; unit?: unknown; inside?: unknown };
      return !!r && isPoint(r.coordinates) && isNum(r.value) && ["cm", "m", "km", "ft", "yd", "mi"].includes(String(r.unit ?? "m")) && (r.inside === undefined || typeof r.inside === "boolean");
    }
    case "polygon": {
      const c = (v as { coordinates?: unknown })?.coordinates;
      return Array.isArray(c) && c.length >= 3 && c.every(isPoint);
    }
    default:
      return false;
  }
}
