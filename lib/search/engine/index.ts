// Placeholder engine with the agreed interface (buildArtifact, SearchPool): in-process Orama with
// v8 serialisation. Replaced by the worker-thread engine (lib/search/engine on the `search` branch).
import v8 from "node:v8";
import { create, insertMultiple, load, save, search, type AnyOrama } from "@orama/orama";
import type { OramaSchema } from "../../contracts/orama-schema";
import type { SearchParams } from "../../contracts/search";

export type Progress = { phase: "build" | "serialize"; done: number; total: number };
export type SearchResult = { count: number; hits: { id: string; score: number; document: unknown }[]; facets?: unknown; groups?: unknown; elapsed: { raw: number; formatted: string } };

export class SearchTimeoutError extends Error {}

export async function buildArtifact(
  schema: OramaSchema,
  docs: Record<string, unknown>[],
  opts: { onProgress?: (p: Progress) => void } = {},
): Promise<Buffer> {
  const db = create({ schema: schema as never });
  const step = 500;
  for (let i = 0; i < docs.length; i += step) {
    await insertMultiple(db, docs.slice(i, i + step) as never[]);
    await new Promise((r) => setImmediate(r)); // let HTTP requests through between batches
    opts.onProgress?.({ phase: "build", done: Math.min(i + step, docs.length), total: docs.length });
  }
  opts.onProgress?.({ phase: "serialize", done: 0, total: 1 });
  return v8.serialize({ schema, raw: save(db) });
}

export class SearchPool {
  private readonly dbs = new Map<string, AnyOrama>();
  constructor(readonly opts: { size?: number; timeoutMs?: number } = {}) {}
  has(key: string) {
    return this.dbs.has(key);
  }
  async load(key: string, artifact: Buffer) {
    const { schema, raw } = v8.deserialize(artifact);
    const db = create({ schema });
    load(db, raw);
    this.dbs.set(key, db);
  }
  async evict(key: string) {
    this.dbs.delete(key);
  }
  async search(key: string, params: SearchParams): Promise<SearchResult> {
    const db = this.dbs.get(key);
    if (!db) throw new Error(`index ${key} is not loaded`);
    return (await search(db, params as never)) as unknown as SearchResult;
  }
  async close() {
    this.dbs.clear();
  }
}
