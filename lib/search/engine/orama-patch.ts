// A small runtime patch for @orama/orama 3.1.18: prefix expansion in RadixNode.findAllWords copies a
// word's posting Set into an array with `Array.includes` per id — quadratic in the word's document
// count ("the" ≈ 1.7 s at 118k docs). The Set already holds each id once, so a plain copy gives the
// same array in the same order. Everything else (traversal order, exact/tolerance rules) is unchanged.
import { radix } from "@orama/orama/trees";
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
    if (node.c.size > 0) stack.push(...node.c.values());
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
