// Delivery metrics from the attempt log: attempts per time bucket split into successes and failures,
// the success rate and latency percentiles over the window; for one hook or for all of them.
import "server-only";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../db";
import type { HookMetrics } from "../contracts/deliveries";

const WINDOWS = {
  "1h": { ms: 3600_000, bucketMinutes: 5 },
  "24h": { ms: 24 * 3600_000, bucketMinutes: 60 },
  "7d": { ms: 7 * 24 * 3600_000, bucketMinutes: 360 },
} as const;

export async function deliveryMetrics(h: DbHandle, window: keyof typeof WINDOWS, hookUuid?: string): Promise<HookMetrics> {
  const { ms, bucketMinutes } = WINDOWS[window];
  const bucketMs = bucketMinutes * 60_000;
  const now = Date.now();
  // Buckets aligned to the epoch so consecutive calls agree on the edges.
  const first = Math.floor((now - ms) / bucketMs) * bucketMs + bucketMs;
  const since = new Date(first).toISOString();
  const hookFilter = hookUuid ? sql`and d.hook_uuid = ${hookUuid}` : sql``;
  const ok = sql`a.status_code between 200 and 299`;
  // A delivery its transformation cancelled logs an attempt with neither status code nor error: nothing
  // was sent, so it is neither a success nor a failure, and has no latency worth counting.
  const sent = sql`not (a.status_code is null and a.error is null)`;
  // Latency is the receiver's: only attempts that left the machine count (docs/outbound-delivery.md). Not
  // those the SSRF guard refused or could not resolve (error "SSRF: …", written by send.ts before any
  // connection) nor those whose transformation failed in the sandbox ("transformation: …"): they count as
  // failures, but their duration is our own DNS or sandbox time and would skew p50/p95.
  const leftMachine = sql`(a.status_code is not null or (a.error not like 'SSRF: %' and a.error not like 'transformation: %'))`;
  const rows = await h.rows<{ bucket: string | number; ok: string | number; fail: string | number }>(sql`
    select floor(extract(epoch from a.at) * 1000 / ${bucketMs})::bigint * ${bucketMs} as bucket,
           count(*) filter (where ${ok}) as ok, count(*) filter (where not coalesce(${ok}, false)) as fail
    from delivery_attempts a join deliveries d on d.id = a.delivery_id
    where a.at >= ${since}::timestamptz and ${sent} ${hookFilter}
    group by 1`);
  const [totals] = await h.rows<{ total: string | number; ok: string | number; p50: number | null; p95: number | null }>(sql`
    select count(*) as total, count(*) filter (where ${ok}) as ok,
           percentile_cont(0.5) within group (order by a.latency_ms) filter (where ${leftMachine}) as p50,
           percentile_cont(0.95) within group (order by a.latency_ms) filter (where ${leftMachine}) as p95
    from delivery_attempts a join deliveries d on d.id = a.delivery_id
    where a.at >= ${since}::timestamptz and ${sent} ${hookFilter}`);
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const buckets: HookMetrics["buckets"] = [];
  for (let at = first; at <= now; at += bucketMs) {
    const r = byBucket.get(at);
    buckets.push({ at: new Date(at).toISOString(), successes: Number(r?.ok ?? 0), failures: Number(r?.fail ?? 0) });
  }
  const total = Number(totals?.total ?? 0);
  const successes = Number(totals?.ok ?? 0);
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
  return {
    window,
    bucketMinutes,
    buckets,
    total,
    successes,
    failures: total - successes,
    successRate: total ? successes / total : null,
    latencyP50: round(totals?.p50),
    latencyP95: round(totals?.p95),
  };
}
