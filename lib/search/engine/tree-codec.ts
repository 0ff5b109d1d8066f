// Columnar encodings for the two structures that dominate an Orama index and that v8.deserialize and
// JSON.parse rebuild slowly (millions of small objects of varying shape): radix trees and BM25
// term frequencies. Decoding writes the same objects Orama builds, so search behaves identically.
import { radix } from "@orama/orama/trees";
import { bm25, DEFAULT_RELEVANCE } from "./bm25";
import type { ContainerReader, ContainerWriter } from "./container";

type Node = radix.RadixNode;

type Frequencies = Record<number, Record<string, number> | undefined>;

/**
 * Term frequencies aligned with a decoded radix tree's postings: the ids of the node for `word`
 * (in its Set's order) are followed by their tf at tf[start[word] + i]. Lets a search score without
 * Orama's per-document frequency objects (which are then only built if something asks for them).
 */
export type PostingTfs = { start: Map<string, number>; length: Map<string, number>; ids: Int32Array; tf: Float64Array };
const postingTfs = new WeakMap<object, PostingTfs>();

export function postingTfsOf(root: object): PostingTfs | undefined {
  return postingTfs.get(root);
}

/** What the shared columns of a radix property need besides the tree: BM25's inputs (fixed once built). */
export type RadixStats = { occurrences: Record<string, unknown>; lengths: Record<number, number>; avg: number; docsCount: number };

/**
 * Pre-order walk: per node its subword, then [children, end, docs] in `meta`, its ids in `docs` and,
 * given the property's frequencies, each posting's tf (what Orama reads: freq[id]?.[word] ?? 0).
 * Given `stats` too, the columns the shared fast path reads in place (shared-index.ts): per node its
 * Map key, label (UTF-16 code units in `chars` from `loff`), subtree size, first posting, term
 * occurrences and integer-key value; per posting its BM25 at default relevance.
 */
export function writeRadix(w: ContainerWriter, name: string, root: Node, freq?: Frequencies, stats?: RadixStats): void {
  const words: string[] = [];
  const meta: number[] = [];
  const docs: number[] = [];
  const tfs: number[] = [];
  const nodes: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    nodes.push(n);
    words.push(n.s);
    meta.push(n.c.size, n.e ? 1 : 0, n.d.size);
    for (const id of n.d) {
      docs.push(id as number);
      if (freq) tfs.push(freq[id as number]?.[n.w] ?? 0);
    }
    // Push children reversed so they pop in Map insertion order.
    const kids = [...n.c.values()];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  w.json(`${name}.s`, words);
  w.typed(`${name}.meta`, "u32", Uint32Array.from(meta));
  w.typed(`${name}.docs`, "i32", Int32Array.from(docs));
  if (freq) w.typed(`${name}.tf`, "f64", Float64Array.from(tfs));
  if (freq && stats) writeSharedRadix(w, name, nodes, meta, docs, tfs, stats);
}

function writeSharedRadix(w: ContainerWriter, name: string, nodes: Node[], meta: number[], docs: number[], tfs: number[], stats: RadixStats): void {
  const count = nodes.length;
  const key = new Uint16Array(count);
  const loff = new Uint32Array(count + 1);
  const dstart = new Uint32Array(count);
  const occ = new Float64Array(count);
  const ikey = new Float64Array(count);
  const bm = new Float64Array(docs.length);
  let chars = 0;
  let d = 0;
  for (let i = 0; i < count; i++) {
    const n = nodes[i];
    key[i] = n.k ? n.k.charCodeAt(0) : 0;
    loff[i] = chars;
    chars += n.s.length;
    dstart[i] = d;
    const o = stats.occurrences[n.w];
    occ[i] = typeof o === "number" ? o : 0;
    ikey[i] = isIndexKey(n.w) ? Number(n.w) : -1;
    // Exactly what fast-search.ts bm25Column computes per posting at default relevance.
    const end = d + meta[i * 3 + 2];
    for (let j = d; j < end; j++) bm[j] = bm25(tfs[j], occ[i], stats.docsCount, stats.lengths[docs[j]], stats.avg, DEFAULT_RELEVANCE);
    d = end;
  }
  loff[count] = chars;
  const text = new Uint16Array(chars);
  for (let i = 0; i < count; i++) for (let c = 0; c < nodes[i].s.length; c++) text[loff[i] + c] = nodes[i].s.charCodeAt(c);
  // Subtree sizes, from the end: each node's children are the next sizes on the stack.
  const skip = new Uint32Array(count);
  const sizes: number[] = [];
  for (let i = count - 1; i >= 0; i--) {
    let size = 1;
    for (let c = 0; c < meta[i * 3]; c++) size += sizes.pop()!;
    skip[i] = size;
    sizes.push(size);
  }
  w.typed(`${name}.key`, "u16", key);
  w.typed(`${name}.chars`, "u16", text);
  w.typed(`${name}.loff`, "u32", loff);
  w.typed(`${name}.skip`, "u32", skip);
  w.typed(`${name}.dstart`, "u32", dstart);
  w.typed(`${name}.occ`, "f64", occ);
  w.typed(`${name}.ikey`, "f64", ikey);
  w.typed(`${name}.bm25`, "f64", bm);
}

export function readRadix(r: ContainerReader, name: string): radix.RadixTree {
  const words = r.json<string[]>(`${name}.s`);
  const meta = r.typed(`${name}.meta`, "u32");
  const docs = r.typed(`${name}.docs`, "i32");
  const root = new radix.RadixTree();
  const tf = r.has(`${name}.tf`) ? r.typed(`${name}.tf`, "f64") : undefined;
  const start = new Map<string, number>();
  const length = new Map<string, number>();
  let d = 0;
  const fill = (n: Node, i: number) => {
    n.e = meta[i * 3 + 1] === 1;
    const count = meta[i * 3 + 2];
    if (tf && count > 0) {
      start.set(n.w, d);
      length.set(n.w, count);
    }
    for (let k = 0; k < count; k++) n.d.add(docs[d++]);
  };
  fill(root, 0);
  // Stack of [node, children still to attach]; pre-order means each next node is the next child.
  const stack: [Node, number][] = [[root, meta[0]]];
  for (let i = 1; i < words.length; i++) {
    while (stack[stack.length - 1][1] === 0) stack.pop();
    const top = stack[stack.length - 1];
    top[1]--;
    const s = words[i];
    const node = new radix.RadixNode(s[0], s, false);
    node.w = top[0].w + s;
    fill(node, i);
    top[0].c.set(node.k, node);
    stack.push([node, meta[i * 3]]);
  }
  if (tf) postingTfs.set(root, { start, length, ids: docs, tf });
  return root;
}

/** frequencies[prop][internalId] = { token: tf }: tokens become indices into one dictionary. */
export function writeFrequencies(w: ContainerWriter, name: string, freq: Frequencies): void {
  const dict = new Map<string, number>();
  const ids: number[] = [];
  const counts: number[] = [];
  const tokens: number[] = [];
  const tfs: number[] = [];
  for (const key of Object.keys(freq)) {
    const entry = freq[key as unknown as number];
    if (!entry) continue;
    ids.push(Number(key));
    const keys = Object.keys(entry);
    counts.push(keys.length);
    for (const t of keys) {
      let idx = dict.get(t);
      if (idx === undefined) dict.set(t, (idx = dict.size));
      tokens.push(idx);
      tfs.push(entry[t]);
    }
  }
  w.json(`${name}.dict`, [...dict.keys()]);
  w.typed(`${name}.ids`, "i32", Int32Array.from(ids));
  w.typed(`${name}.counts`, "u32", Uint32Array.from(counts));
  w.typed(`${name}.tokens`, "u32", Uint32Array.from(tokens));
  w.typed(`${name}.tf`, "f64", Float64Array.from(tfs));
}

export function readFrequencies(r: ContainerReader, name: string): Frequencies {
  const dict = r.json<string[]>(`${name}.dict`);
  const ids = r.typed(`${name}.ids`, "i32");
  const counts = r.typed(`${name}.counts`, "u32");
  const tokens = r.typed(`${name}.tokens`, "u32");
  const tfs = r.typed(`${name}.tf`, "f64");
  const out: Frequencies = {};
  let k = 0;
  for (let i = 0; i < ids.length; i++) {
    // Null-prototype objects start in dictionary mode: no hidden-class transition per distinct
    // token sequence, which is what makes generic deserialisation of this map slow.
    const entry: Record<string, number> = Object.create(null);
    for (let j = 0; j < counts[i]; j++, k++) entry[dict[tokens[k]]] = tfs[k];
    out[ids[i]] = entry;
  }
  return out;
}

/** Canonical array-index keys (what JS objects enumerate first, ascending). */
export const isIndexKey = (k: string) => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
};

/**
 * The end nodes with postings that `root.find({ term, exact: false, tolerance: 0 })` reports, in the
 * order Object.keys() gives its output: RadixNode.find's descent, findAllWords' stack order, then
 * integer-like words first in ascending order (object key order). Without building the output.
 */
export function prefixNodes(root: Node, term: string): Node[] {
  let node = root;
  let i = 0;
  let start: Node | null = null;
  while (i < term.length) {
    const child = node.c.get(term[i]);
    if (!child) return [];
    const label = child.s;
    let j = 0;
    while (j < label.length && i + j < term.length && label[j] === term[i + j]) j++;
    if (j === label.length) {
      node = child;
      i += j;
    } else if (i + j === term.length && j === term.length - i) {
      start = child;
      break;
    } else return [];
  }
  const out: Node[] = [];
  const stack: Node[] = [start ?? node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.e && n.d.size > 0) out.push(n);
    if (n.c.size > 0) for (const c of n.c.values()) stack.push(c);
  }
  if (!out.some((n) => isIndexKey(n.w))) return out;
  const index = out.filter((n) => isIndexKey(n.w)).sort((a, b) => Number(a.w) - Number(b.w));
  return [...index, ...out.filter((n) => !isIndexKey(n.w))];
}
