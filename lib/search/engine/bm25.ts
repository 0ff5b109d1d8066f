// Orama 3.1.18's BM25 (components/algorithms.js), the same operations in the same order, so scores
// computed here (at encode time for the shared column, or per search) are Orama's bit for bit.
export type Relevance = { k: number; b: number; d: number };

export const DEFAULT_RELEVANCE: Relevance = { k: 1.2, b: 0.75, d: 0.5 };

export function bm25(tf: number, matchingCount: number, docsCount: number, fieldLength: number, avg: number, r: Relevance): number {
  const idf = Math.log(1 + (docsCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return (idf * (r.d + tf * (r.k + 1))) / (tf + r.k * (1 - r.b + (r.b * fieldLength) / avg));
}
