// Search analytics, the reading side: sums of the recorded searches' weights (so sampled batches count
// for what they stood for) per bucket, percentiles of latency, top and zero-result terms.
import "server-only";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db";
import type { AnalyticsWindow, SearchAnalytics } from "../contracts/analytics";
import { findIndex } from "../indexes/indexes";

const WINDOWS: Record<AnalyticsWindow, { ms: number; bucketMinutes: number }> = {
  "1h": { ms: 3600_000, bucketMinutes: 1 },
  "24h": { ms: 24 * 3600_000, bucketMinutes: 15 },
  "7d": { ms: 7 * 24 * 3600_000, bucketMinutes: 60 },
};
const TOP = 10;

type Num = string | number | null;
const num = (v: Num | undefined) => Number(v ?? 0);
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function searchAnalytics(h: DbHandle, indexId: string, window: AnalyticsWindow, now = Date.now()): Promise<SearchAnalytics> {
  const index = await findIndex(h.db, indexId);
  const { ms, bucketMinutes } = WINDOWS[window];
  const bucketMs = bucketMinutes * 60_000;
  // Buckets aligned to the epoch, so consecutive calls agree on the edges; the last one is the current.
  const first = Math.floor((now - ms) / bucketMs) * bucketMs + bucketMs;
  const since = new Date(first).toISOString();
  const where = sql`index_id = ${indexId} and at >= ${since}::timestamptz`;

  const buckets = await h.rows<{ bucket: Num; searches: Num }>(sql`
    select floor(extract(epoch from at) * 1000 / ${bucketMs})::bigint * ${bucketMs} as bucket, sum(weight) as searches
    from search_events where ${where} group by 1`);
  const [totals] = await h.rows<{ rows: Num; searches: Num; zero: Num; p50: Num; p95: Num }>(sql`
    select count(*) as rows, sum(weight) as searches, sum(weight) filter (where hits = 0) as zero,
           percentile_cont(0.5) within group (order by latency_ms) as p50,
           percentile_cont(0.95) within group (order by latency_ms) as p95
    from search_events where ${where}`);
  const terms = (zeroOnly: boolean) =>
    h.rows<{ term: string; count: Num }>(sql`
      select term, sum(weight) as count from search_events
      where ${where} and term is not null ${zeroOnly ? sql`and hits = 0` : sql``}
      group by term order by count desc, term limit ${TOP}`);
  const [top, zero] = await Promise.all([terms(false), terms(true)]);

  const byBucket = new Map(buckets.map((b) => [num(b.bucket), num(b.searches)]));
  const searchesPerMinute: SearchAnalytics["searchesPerMinute"] = [];
  for (let at = first; at <= now; at += bucketMs) searchesPerMinute.push({ at: new Date(at).toISOString(), count: round((byBucket.get(at) ?? 0) / bucketMinutes) });
  const searches = num(totals?.searches);
  const recorded = num(totals?.rows);
  const latency = (v: Num | undefined) => (v === null || v === undefined ? null : round(Number(v)));
  return {
    indexId,
    window,
    bucketMinutes,
    searchesPerMinute,
    total: { searches: Math.round(searches), zeroResults: Math.round(num(totals?.zero)) },
    latency: { p50: latency(totals?.p50), p95: latency(totals?.p95) },
    topQueries: top.map((t) => ({ term: t.term, count: Math.round(num(t.count)) })),
    zeroResultQueries: zero.map((t) => ({ term: t.term, count: Math.round(num(t.count)) })),
    sampled: { rate: searches > 0 ? round(recorded / searches, 4) : 1 },
    storeTerms: index.analytics?.storeTerms !== false,
  };
}
