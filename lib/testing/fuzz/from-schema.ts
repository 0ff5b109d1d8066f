// Arbitraries derived from a contract's zod schema (through its JSON Schema, `z.toJSONSchema`): values
// that are mostly valid, with wrong-typed fields, missing required ones and unknown keys mixed in, so
// a run reaches both the handler and every validation path. Strings named like URLs only ever hold
// safe URLs (values.ts).
import { z } from "zod";
import { fc } from "@fast-check/vitest";
import { oddString, randomJson, safeUrl } from "./values";

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

export interface SchemaArbOptions {
  /** The server's own URL, offered for URL fields (its inspector is the one loopback target it accepts). */
  ownUrl?: string;
  /** Values to offer for named fields (real ids, tokens…), besides generated ones. */
  known?: Record<string, unknown[]>;
}

const URL_FIELD = /url$/i;

/** An arbitrary for `schema`: valid most of the time, off by one field often enough to reach every 400. */
export function arbFromZod(schema: z.ZodType, opts: SchemaArbOptions = {}): fc.Arbitrary<unknown> {
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return arbFromJsonSchema(root, root.$defs ?? {}, opts, "", 0);
}

function arbFromJsonSchema(s: JsonSchema, defs: Record<string, JsonSchema>, opts: SchemaArbOptions, name: string, depth: number): fc.Arbitrary<unknown> {
  const valid = validArb(s, defs, opts, name, depth);
  // Every value may be swapped for junk of any shape: the parser must answer 400, never throw.
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: randomJson(3) });
}

function validArb(s: JsonSchema, defs: Record<string, JsonSchema>, opts: SchemaArbOptions, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.$ref) return validArb(defs[s.$ref.replace("#/$defs/", "")] ?? {}, defs, opts, name, depth);
  const known = opts.known?.[name];
  const withKnown = (a: fc.Arbitrary<unknown>) => (known?.length ? fc.oneof(a, fc.constantFrom(...known)) : a);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return withKnown(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: oddString }));
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => validArb(a, defs, opts, name, depth)));
  if (s.allOf?.length) return validArb(s.allOf[0], defs, opts, name, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (depth > 6) return randomJson(1);
  switch (type) {
    case "string":
      return withKnown(stringArb(s, opts, name));
    case "integer":
    case "number": {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e6);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e6);
      const inRange = type === "integer" ? fc.integer({ min: Math.max(min, -2e9), max: Math.min(max, 2e9) }) : fc.double({ min, max, noNaN: true });
      return withKnown(fc.oneof({ weight: 5, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, 0.5, -0, 1e21) }));
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = s.items ? arbFromJsonSchema(s.items, defs, opts, name, depth + 1) : randomJson(2);
      const maxLength = Math.min(s.maxItems ?? 6, 6);
      return fc.array(item, { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength });
    }
    case "object":
      return objectArb(s, defs, opts, depth);
    default:
      return randomJson(3);
  }
}

function stringArb(s: JsonSchema, opts: SchemaArbOptions, name: string): fc.Arbitrary<string> {
  if (URL_FIELD.test(name)) return safeUrl(opts.ownUrl);
  if (s.format === "email" || /email/i.test(name)) {
    return fc.oneof(fc.stringMatching(/^[a-z0-9.+_-]{1,20}@[a-z0-9-]{1,20}\.example$/), oddString);
  }
  if (s.pattern) {
    let matching: fc.Arbitrary<string> | null = null;
    try {
      matching = fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 10_000));
    } catch {
      matching = null;
    }
    if (matching) return fc.oneof({ weight: 4, arbitrary: matching }, { weight: 1, arbitrary: oddString });
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 60, 60);
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: Math.min(minLength, maxLength), maxLength: Math.max(minLength, maxLength) }) },
    { weight: 1, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constant("y".repeat((s.maxLength ?? 1000) + 1)) },
  );
}

function objectArb(s: JsonSchema, defs: Record<string, JsonSchema>, opts: SchemaArbOptions, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) fields[key] = arbFromJsonSchema(sub, defs, opts, key, depth + 1);
  const requiredKeys = Object.keys(props).filter((k) => required.has(k));
  const declared = Object.keys(props).length
    ? fc.record(fields, { requiredKeys }).chain((obj) =>
        // Now and then a required key goes missing.
        fc.oneof({ weight: 8, arbitrary: fc.constant(obj) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(fields)).map((k) => omit(obj, k)) }),
      )
    : fc.constant({});
  const extraValue = typeof s.additionalProperties === "object" ? arbFromJsonSchema(s.additionalProperties, defs, opts, "", depth + 1) : randomJson(2);
  const extraKey = s.propertyNames?.pattern ? fc.oneof(fc.stringMatching(new RegExp(s.propertyNames.pattern)), oddString) : oddString;
  const extras = fc.dictionary(extraKey, extraValue, { maxKeys: s.additionalProperties === false || !s.additionalProperties ? 1 : 4 });
  return fc
    .tuple(declared, fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras }))
    .map(([d, e]) => ({ ...(e as object), ...(d as object) }));
}

function omit(obj: unknown, key: string): unknown {
  const { [key]: _dropped, ...rest } = obj as Record<string, unknown>;
  return rest;
}
