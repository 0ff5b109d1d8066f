// "Did you mean": the playground's suggestion for a term that found nothing. Client-safe, pure.
// The candidates are the words of the documents a tolerant search (typo tolerance 2) found, so every
// suggested word is in the index; each unknown word of the term becomes the closest of them.

export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The term with each word that is not among `texts`' words replaced by the nearest one (at most `max`
 * edits, and fewer edits than the word has letters); ties go to the more frequent word, then the
 * alphabetically first. Null when no word changes.
 */
export function didYouMean(term: string, texts: string[], max = 2): string | null {
  const freq = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) freq.set(w, (freq.get(w) ?? 0) + 1);
  let changed = false;
  const out = words(term).map((w) => {
    if (freq.has(w)) return w;
    let best: { word: string; d: number; n: number } | null = null;
    for (const [cand, n] of freq) {
      const d = distance(w, cand, max);
      if (d > max || d >= w.length) continue;
      if (!best || d < best.d || (d === best.d && (n > best.n || (n === best.n && cand < best.word)))) best = { word: cand, d, n };
    }
    if (!best) return w;
    changed = true;
    return best.word;
  });
  return changed ? out.join(" ") : null;
}
