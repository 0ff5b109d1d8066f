// The search engine: build an artifact from documents off-thread, load it into a pool of search
// threads, search it. Pure: no database, no HTTP. See docs/search-engine.md.
export { buildArtifact, BuildError } from "./build-artifact";
export { SearchPool, type SearchPoolOptions } from "./search-pool";
export { SearchTimeoutError, IndexNotLoadedError, type JsonResult } from "./pool-protocol";
export { SearchQueryError, runSearch } from "./run-search";
export { readArtifactMeta, decodeArtifact, encodeDb, createEngineDb, type ArtifactMeta } from "./artifact";
export { patchOrama, unpatchOrama, isOramaPatched } from "./orama-patch";
export type { BuildOptions, BuildProgress, BuildPhase, EngineDocument, OramaSchema, SearchHit, SearchResult } from "./types";
export type { SearchParams, SearchParamsInput } from "../../contracts/search";
