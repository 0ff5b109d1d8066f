// Shared engine types. The schema is Orama's: property → type string, or a nested object.
export type { OramaSchema } from "../../contracts/orama-schema";

/** A document to index: plain JSON with a string `id`. */
export type EngineDocument = { id: string } & Record<string, unknown>;

export type BuildPhase = "build" | "serialize";
export type BuildProgress = { phase: BuildPhase; done: number; total: number };

export type BuildOptions = {
  /** Called from the caller's thread as the thread reports; `done` counts documents (build) or steps. */
  onProgress?: (p: BuildProgress) => void;
  /** Documents per insertMultiple batch inside the build thread (default 1000). */
  batchSize?: number;
  /** Aborting terminates the build thread and rejects with the signal's reason (deploy time limit). */
  signal?: AbortSignal;
  /**
   * Tests only: the thread blocks this long (synchronously, like a stuck build) after its first
   * progress report. Deploys pass it only when INDEXHOOK_TEST_BUILD_DELAY_MS is set under vitest.
   */
  testStallMs?: number;
  /** Tokens are cut to this many UTF-16 code units (default 256, TOKEN_MAX_LENGTH); recorded in the artifact. */
  tokenMaxLength?: number;
};

/** Orama's search result shape, with the document typed loosely. */
export type SearchHit = { id: string; score: number; document: Record<string, unknown> };
export type SearchResult = {
  count: number;
  hits: SearchHit[];
  facets?: Record<string, { count: number; values: Record<string, number> }>;
  groups?: { values: unknown[]; result: SearchHit[] }[];
  elapsed: { raw: number; formatted: string };
};
