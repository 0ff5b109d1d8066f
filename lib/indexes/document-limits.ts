// Per-document limits, checked at ingest so that anything acknowledged can be deployed: the size of a
// document's JSON and the tokens indexed per string property, counted with the build's own tokenizer.
// Tokens longer than the token limit are not refused: the engine cuts them (at build and search alike).
import { env } from "../env";
import { engineTokenizer } from "../search/engine/orama-patch";

export interface DocumentLimits {
  /** UTF-8 bytes of the document as compact JSON (JSON.stringify), what is stored. */
  maxBytes: number;
  /** Tokens Orama indexes for one property: distinct tokens per value, summed over a string[]'s items. */
  maxPropertyTokens: number;
  /** Tokens are cut to this many UTF-16 code units by the engine's tokenizer. */
  tokenMaxLength: number;
}

export interface LimitIssue {
  path: string;
  expected: string;
  got: string;
  limit: { name: "DOCUMENT_MAX_BYTES" | "DOCUMENT_MAX_PROPERTY_TOKENS"; value: number };
}

export function documentLimits(): DocumentLimits {
  const e = env();
  return { maxBytes: e.DOCUMENT_MAX_BYTES, maxPropertyTokens: e.DOCUMENT_MAX_PROPERTY_TOKENS, tokenMaxLength: e.TOKEN_MAX_LENGTH };
}

export function documentSizeIssue(doc: unknown, limits: DocumentLimits): LimitIssue | null {
  const bytes = Buffer.byteLength(JSON.stringify(doc), "utf8");
  if (bytes <= limits.maxBytes) return null;
  return {
    path: "(document)",
    expected: `at most ${limits.maxBytes} bytes of JSON`,
    got: `${bytes} bytes`,
    limit: { name: "DOCUMENT_MAX_BYTES", value: limits.maxBytes },
  };
}

/**
 * Counts what the build indexes for a string or string[] value: Orama tokenizes each item and
 * indexes its distinct tokens (the insert work is proportional to that sum). Exact: the same
 * tokenizer as the build (orama-patch.ts engineTokenizer, english, no stemming, same token cut).
 */
export function propertyTokenCounter(limits: DocumentLimits) {
  const tokenizer = engineTokenizer(limits.tokenMaxLength);
  return (path: string, value: string | string[]): LimitIssue | null => {
    const items = typeof value === "string" ? [value] : value;
    // Cheap bound first: lowercasing at most doubles a string, and tokens are non-empty.
    let bound = 0;
    for (const s of items) bound += 2 * s.length;
    if (bound <= limits.maxPropertyTokens) return null;
    let count = 0;
    for (const s of items) count += tokenizer.tokenize(s, undefined, path, false).length;
    if (count <= limits.maxPropertyTokens) return null;
    return {
      path,
      expected: `at most ${limits.maxPropertyTokens} indexed tokens (distinct words per value)`,
      got: `${count} tokens`,
      limit: { name: "DOCUMENT_MAX_PROPERTY_TOKENS", value: limits.maxPropertyTokens },
    };
  };
}
