// At deploy time: compute embeddings for new or changed documents only (unchanged text keeps its
// vector) and keep them on the stored document under settings.targetProperty.
import { createHash } from "node:crypto";
import type { EmbeddingsSettings } from "../contracts/embeddings";
import type { OramaSchema } from "../contracts/orama-schema";
import type { Applied, Doc } from "../deploy/apply";
import { embedTexts } from "./provider";

function valueAt(doc: Doc, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Doc)[k] : undefined), doc);
}

/** The text embedded for a document: its configured properties, one per line. */
export function embeddingText(s: EmbeddingsSettings, doc: Doc): string {
  return s.properties
    .map((p) => valueAt(doc, p))
    .map((v) => (Array.isArray(v) ? v.join(" ") : typeof v === "string" ? v : ""))
    .filter(Boolean)
    .join("\n");
}

export function schemaWithEmbeddings(schema: OramaSchema, s: EmbeddingsSettings | null | undefined): OramaSchema {
  return s ? { ...schema, [s.targetProperty]: `vector[${s.dimensions}]` } : schema;
}

/** Which settings produced a vector: vectors from other settings (model, properties …) are recomputed. */
export function embeddingsFingerprint(s: EmbeddingsSettings): string {
  return createHash("sha256").update(JSON.stringify([s.baseUrl, s.model, s.dimensions, s.properties, s.targetProperty])).digest("hex").slice(0, 16);
}

/**
 * Replaces documents in `applied.docs` by copies carrying their vector; returns how many were
 * computed. `reuse` says whether the live vectors came from these same settings.
 */
export async function attachEmbeddings(s: EmbeddingsSettings, live: Map<string, Doc>, applied: Applied, reuse: boolean, signal?: AbortSignal): Promise<number> {
  const todo: { id: string; text: string }[] = [];
  for (const [id, doc] of applied.docs) {
    const text = embeddingText(s, doc);
    const old = live.get(id);
    // The vector of the live document stays valid while its embedded text is unchanged.
    const kept = reuse && old && Array.isArray(old[s.targetProperty]) && embeddingText(s, old) === text ? old[s.targetProperty] : undefined;
    if (!kept) todo.push({ id, text });
    else if (doc[s.targetProperty] !== kept) applied.docs.set(id, { ...doc, [s.targetProperty]: kept });
  }
  if (!todo.length) return 0;
  const vectors = await embedTexts(s, todo.map((t) => t.text), signal);
  todo.forEach((t, i) => applied.docs.set(t.id, { ...applied.docs.get(t.id)!, [s.targetProperty]: vectors[i] }));
  return todo.length;
}
