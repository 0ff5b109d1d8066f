// Test fixtures: a schema with every Orama property type (nested too) and deterministic documents.
import { insertMultiple } from "@orama/orama";
import { createEngineDb } from "./artifact";
import type { EngineDocument, OramaSchema } from "./types";

export const ALL_TYPES_SCHEMA: OramaSchema = {
  title: "string",
  price: "number",
  inStock: "boolean",
  category: "enum",
  location: "geopoint",
  tags: "string[]",
  ratings: "number[]",
  flags: "boolean[]",
  colors: "enum[]",
  embedding: "vector[3]",
  meta: { brand: "string", year: "number", origin: { country: "enum" } },
};

const WORDS = ["red", "phone", "case", "blue", "laptop", "stand", "green", "cable", "fast", "charger", "quiet", "fan"];
const CATS = ["audio", "video", "power", "desk"];
const COUNTRIES = ["DE", "FR", "US", "JP"];

/** A tiny deterministic PRNG so every run indexes the same documents. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

export function allTypesDocs(n = 300): EngineDocument[] {
  const r = rng(42);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `doc-${i}`,
    title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    price: Math.round(r() * 1000) / 10,
    inStock: r() > 0.5,
    category: pick(CATS),
    location: { lat: 40 + r() * 10, lon: r() * 20 },
    tags: [pick(WORDS), pick(WORDS)],
    ratings: [Math.ceil(r() * 5), Math.ceil(r() * 5)],
    flags: [r() > 0.5, r() > 0.3],
    colors: [pick(["red", "green", "blue"])],
    embedding: [r(), r(), r()],
    meta: { brand: `${pick(WORDS)} corp`, year: 2000 + Math.floor(r() * 25), origin: { country: pick(COUNTRIES) } },
  }));
}

/** The same documents indexed in-process, as the reference the artifact must reproduce. */
export async function inProcessDb(schema: OramaSchema, docs: EngineDocument[]) {
  const db = createEngineDb(schema);
  await insertMultiple(db, docs as never, 1000);
  return db;
}

/** Strips what legitimately differs between two runs of one search: timings. */
export function comparable(result: { elapsed?: unknown }): unknown {
  const { elapsed: _elapsed, ...rest } = result;
  return rest;
}
