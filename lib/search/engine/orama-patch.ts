// Runtime patches for @orama/orama 3.1.18, each a copy of Orama's code that differs only where noted,
// so results (ids, scores, order) stay Orama's own — orama-patch.test.ts compares them.
// 1. Search: prefix expansion in RadixNode.findAllWords copies a word's posting Set into an array with
//    `Array.includes` per id — quadratic in the word's document count ("the" ≈ 1.7 s at 118k docs). The
//    Set already holds each id once, so a plain copy gives the same array in the same order.
// 2. Build (engineTokenizer, engineIndex: per instance, installed by createEngineDb): see below.
import { radix } from "@orama/orama/trees";
import { index as oramaIndex, internalDocumentIDStore, tokenizer as oramaTokenizer } from "@orama/orama/components";
// internals.boundedLevenshtein is the same function as the unexported syncBoundedLevenshtein.
import { boundedLevenshtein } from "@orama/orama/internals";

type Node = radix.RadixNode;
type Output = Record<string, number[]>;

const proto = radix.RadixNode.prototype as Node & { __indexhookPatched?: boolean };
const original = proto.findAllWords;

const own = (o: Output, k: string): number[] | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

// Mirrors Orama's findAllWords line by line (dist/esm/trees/radix.js) except for the id copy.
function findAllWords(this: Node, output: Output, term: string, exact?: boolean, tolerance?: number): Output {
  const stack: Node[] = [this];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.e) {
      const { w, d: docIDs } = node;
      if (exact && w !== term) continue; // Orama skips this node's subtree too; keep that.
      if (own(output, w) !== null) {
        if (tolerance) {
          const diff = Math.abs(term.length - w.length);
          if (diff <= tolerance && boundedLevenshtein(term, w, tolerance).isBounded) output[w] = [];
          else continue;
        } else {
          output[w] = [];
        }
      }
      // output[w] was just reset to [], so "push if not included" over a Set is a straight copy.
      if (own(output, w) != null && docIDs.size > 0) output[w] = Array.from(docIDs) as number[];
    }
    // A loop, not push(...children): a spread's arguments live on the stack.
    if (node.c.size > 0) for (const child of node.c.values()) stack.push(child);
  }
  return output;
}

/** Installs the Set-based findAllWords. Idempotent; applies to every Orama instance in this realm. */
export function patchOrama(): void {
  if (proto.__indexhookPatched) return;
  proto.findAllWords = findAllWords as Node["findAllWords"];
  proto.__indexhookPatched = true;
}

/** Restores Orama's own method: only the equality test and the bench need the unpatched behaviour. */
export function unpatchOrama(): void {
  proto.findAllWords = original;
  proto.__indexhookPatched = false;
}

export function isOramaPatched(): boolean {
  return proto.__indexhookPatched === true;
}

/** Longest token the engine indexes or searches for, in UTF-16 code units (TOKEN_MAX_LENGTH's default). */
export const DEFAULT_TOKEN_MAX_LENGTH = 256;

/** Cuts a token to `max` code units without splitting a surrogate pair. */
export function truncateToken(token: string, max: number): string {
  if (token.length <= max) return token;
  const code = token.charCodeAt(max - 1);
  return token.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

type NormalizeToken = (this: unknown, prop: string, token: string, withCache?: boolean) => string;

/**
 * Orama's default tokenizer (english, no stemming, no stop words) with tokens cut to `maxTokenLength`
 * before they are normalised. Orama has no cap: its replaceDiacritics ends in
 * `String.fromCharCode(...codes)`, one stack slot per character, so a token of ~250k+ characters
 * threw "Maximum call stack size exceeded" at insert (and at search, for such a term). The same
 * tokenizer serves the build, the search (terms are cut the same way, so a long word still finds its
 * indexed prefix) and the ingest check that counts tokens per property.
 */
export function engineTokenizer(maxTokenLength = DEFAULT_TOKEN_MAX_LENGTH) {
  const t = oramaTokenizer.createTokenizer({ language: "english" });
  const normalize = t.normalizeToken as unknown as NormalizeToken;
  const cut: NormalizeToken = function (prop, token, withCache) {
    return normalize.call(this, prop, truncateToken(token, maxTokenLength), withCache);
  };
  (t as unknown as { normalizeToken: NormalizeToken }).normalizeToken = cut;
  return t;
}

type ScoreIndex = {
  sharedInternalDocumentStore: Parameters<typeof internalDocumentIDStore.getInternalDocumentId>[0];
  frequencies: Record<string, Record<number, Record<string, number>>>;
  tokenOccurrences: Record<string, Record<string, number>>;
};

/**
 * Orama's index component with a linear insertTokenScoreParameters. Orama counts a token's frequency
 * by scanning all of the value's tokens, once per token: quadratic in a value's distinct tokens
 * (10k words 1.1 s, 40k 8.2 s, 800k never finished). Here the counts of one tokens array are taken
 * once (insert calls this for every token of the same array in a row) and looked up; tf is the same
 * `count / tokens.length`, and the frequency and occurrence writes are Orama's, in Orama's order.
 */
export function engineIndex() {
  const component = oramaIndex.createIndex();
  let lastTokens: readonly string[] | null = null;
  let counts = new Map<string, number>();
  component.insertTokenScoreParameters = ((index: ScoreIndex, prop: string, id: never, tokens: readonly string[], token: string) => {
    if (tokens !== lastTokens) {
      counts = new Map();
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      lastTokens = tokens;
    }
    const tokenFrequency = counts.get(token) ?? 0;
    const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
    const tf = tokenFrequency / tokens.length;
    index.frequencies[prop][internalId][token] = tf;
    if (!(token in index.tokenOccurrences[prop])) index.tokenOccurrences[prop][token] = 0;
    index.tokenOccurrences[prop][token] = (index.tokenOccurrences[prop][token] ?? 0) + 1;
  }) as never;
  return component;
}
