"use client";
// An index's search analytics (the Analytics tab): searches, zero-result searches and p50/p95 latency of
// the window (1 h, 24 h, 7 d) as figures, searches per minute as an area chart, and the top and
// zero-result queries as bar charts; members switch storing search terms on or off here.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { AnalyticsWindow, SearchAnalytics } from "@/lib/contracts/analytics";
import type { IndexDto } from "@/lib/contracts/indexes";
import { useCan } from "@/components/shell/role";
import { Alert } from "@/components/ui/alert";
import { ChartCard, StatCard, timeTick } from "@/components/ui/chart-card";
import { Tabs, useUrlParam } from "@/components/ui/tabs";
import { useSearchAnalytics, useStoreTermsMutation } from "./queries";

const WINDOWS: { id: AnalyticsWindow; label: string }[] = [
  { id: "1h", label: "1 h" },
  { id: "24h", label: "24 h" },
  { id: "7d", label: "7 d" },
];

const Stat = ({ label, value }: { label: string; value: string }) => <StatCard label={label} value={value} testId={`analytics-${label}`} />;
const ms = (v: number | null) => (v === null ? "—" : v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v)} ms`);
const short = (term: string) => (term.length > 18 ? `${term.slice(0, 17)}…` : term);

function TermsChart({ title, terms, color, empty, testId }: { title: string; terms: SearchAnalytics["topQueries"]; color: string; empty: string; testId: string }) {
  return (
    <ChartCard title={title} testId={testId} height={40 + terms.length * 28} empty={terms.length === 0 ? empty : undefined}>
      <BarChart data={terms} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="term" width={120} tickFormatter={short} fontSize={12} interval={0} />
        <Tooltip />
        <Bar dataKey="count" name="searches" fill={color} />
      </BarChart>
    </ChartCard>
  );
}

function StoreTermsSwitch({ index }: { index: IndexDto }) {
  const canManage = useCan("member");
  const mutation = useStoreTermsMutation(index.id);
  const on = index.analytics?.storeTerms !== false;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" role="switch" checked={on} disabled={!canManage || mutation.isPending} onChange={(e) => mutation.mutate(e.target.checked)} aria-label="Store search terms" />
        Store search terms
      </label>
      <span className="text-xs text-zinc-500">{on ? "Top and zero-result queries are recorded." : "Searches and latency are counted; terms are not stored."}</span>
      {mutation.error ? <Alert>{mutation.error.message}</Alert> : null}
    </div>
  );
}

export function AnalyticsTab({ index }: { index: IndexDto }) {
  const [raw, setWindow] = useUrlParam("window", "24h");
  const window = (WINDOWS.some((w) => w.id === raw) ? raw : "24h") as AnalyticsWindow;
  const q = useSearchAnalytics(index.id, window);
  const a = q.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Tabs label="Window" tabs={WINDOWS} value={window} onChange={setWindow} />
        <StoreTermsSwitch index={index} />
      </div>
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {a ? (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Searches" value={a.total.searches.toLocaleString()} />
            <Stat label="Zero results" value={a.total.zeroResults.toLocaleString()} />
            <Stat label="p50 latency" value={ms(a.latency.p50)} />
            <Stat label="p95 latency" value={ms(a.latency.p95)} />
          </div>
          <ChartCard title="Searches per minute" testId="analytics-searches-chart">
            <AreaChart data={a.searchesPerMinute}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={timeTick(window)} minTickGap={24} fontSize={12} />
              <YAxis fontSize={12} width={40} />
              <Tooltip labelFormatter={(v) => new Date(String(v)).toLocaleString()} />
              <Area type="monotone" dataKey="count" name="searches / min" stroke="#6366f1" fill="#6366f1" fillOpacity={0.2} isAnimationActive={false} />
            </AreaChart>
          </ChartCard>
          <div className="grid gap-4 lg:grid-cols-2">
            <TermsChart title="Top queries" terms={a.topQueries} color="#6366f1" testId="analytics-top-queries" empty={a.storeTerms ? "No searches with a term in this window." : "Search terms are not stored for this index."} />
            <TermsChart title="Zero-result queries" terms={a.zeroResultQueries} color="#f59e0b" testId="analytics-zero-queries" empty={a.storeTerms ? "Every search found something." : "Search terms are not stored for this index."} />
          </div>
          <p className="text-xs text-zinc-500">
            Each point is {a.bucketMinutes === 1 ? "1 minute" : `the average of ${a.bucketMinutes} minutes`}; latency is measured from the search call to its result.
            {a.sampled.rate < 1 ? ` Busy periods were sampled (${(a.sampled.rate * 100).toFixed(1)} % of searches recorded); counts are scaled.` : ""}
          </p>
        </>
      ) : null}
    </div>
  );
}
