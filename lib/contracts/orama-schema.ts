// Orama's schema format, validated: property → type, or a nested object. Client-safe (zod only).
import { z } from "zod";

export const SCALAR_TYPES = ["string", "number", "boolean", "enum", "geopoint", "string[]", "number[]", "boolean[]", "enum[]"] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];
/** Every type the schema builder offers; vector[N] takes its dimension. */
export const PROPERTY_TYPES = [...SCALAR_TYPES, "vector"] as const;

const VECTOR = /^vector\[(\d{1,5})\]$/;
export const MAX_SCHEMA_DEPTH = 5;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export function isPropertyType(t: string): boolean {
  if ((SCALAR_TYPES as readonly string[]).includes(t)) return true;
  const m = VECTOR.exec(t);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 4096;
}

export function vectorDimension(t: string): number | null {
  const m = VECTOR.exec(t);
  return m ? Number(m[1]) : null;
}

export type OramaSchema = { [property: string]: string | OramaSchema };

/** Checks an Orama schema and reports each bad property path. */
export const oramaSchema: z.ZodType<OramaSchema> = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const walk = (obj: Record<string, unknown>, path: string[]) => {
      if (path.length > MAX_SCHEMA_DEPTH) {
        ctx.addIssue({ code: "custom", path, message: `nesting deeper than ${MAX_SCHEMA_DEPTH} levels` });
        return;
      }
      for (const [key, type] of Object.entries(obj)) {
        const p = [...path, key];
        if (!PROPERTY_NAME.test(key)) {
          ctx.addIssue({ code: "custom", path: p, message: "property names are letters, digits, _ and -, starting with a letter or _" });
        } else if (path.length === 0 && key === "id") {
          ctx.addIssue({ code: "custom", path: p, message: "`id` is the document id and is always present; leave it out of the schema" });
        } else if (typeof type === "string") {
          if (!isPropertyType(type)) {
            ctx.addIssue({ code: "custom", path: p, message: `unknown type "${type}": use ${SCALAR_TYPES.join(", ")} or vector[N]` });
          }
        } else if (type && typeof type === "object" && !Array.isArray(type)) {
          if (Object.keys(type).length === 0) ctx.addIssue({ code: "custom", path: p, message: "an empty nested object" });
          walk(type as Record<string, unknown>, p);
        } else {
          ctx.addIssue({ code: "custom", path: p, message: "a type string or a nested object" });
        }
      }
    };
    walk(value, []);
  }) as unknown as z.ZodType<OramaSchema>;

/** Flattens a schema to dotted paths → type (`meta.rating` → `number`). */
export function flattenSchema(schema: OramaSchema, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (typeof v === "string") out[prefix + k] = v;
    else Object.assign(out, flattenSchema(v, `${prefix}${k}.`));
  }
  return out;
}
