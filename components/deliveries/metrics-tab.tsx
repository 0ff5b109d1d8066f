"use client";
// Metrics (a hook's tab, or all hooks on the Webhooks page): attempts per bucket as stacked success/failure bars, with the success rate and p50/p95
// latency of the window (1 h, 24 h, 7 d) above them.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { HookTabProps } from "@/components/hooks/hook-detail-tabs";
import { Alert } from "@/components/ui/alert";
import { ChartCard, StatCard, timeTick } from "@/components/ui/chart-card";
import { Tabs, useUrlParam } from "@/components/ui/tabs";
import { useMetrics, type MetricsWindow } from "./queries";

const WINDOWS: { id: MetricsWindow; label: string }[] = [
  { id: "1h", label: "1 h" },
  { id: "24h", label: "24 h" },
  { id: "7d", label: "7 d" },
];

const Stat = ({ label, value }: { label: string; value: string }) => <StatCard label={label} value={value} testId={`metric-${label}`} />;

/**
 * The window a chart opens on: 1 h (twelve 5-min bars) for a hook younger than a day, whose 24 h chart
 * would be one hourly bar and empty space; 24 h otherwise. The URL's `window` wins.
 */
export function defaultWindow(createdAt: string | undefined, now = Date.now()): MetricsWindow {
  if (!createdAt) return "24h";
  const age = now - Date.parse(createdAt);
  return Number.isFinite(age) && age < 24 * 3600_000 ? "1h" : "24h";
}

export function MetricsTab({ hook }: HookTabProps) {
  return <MetricsPanel uuid={hook.uuid} createdAt={hook.createdAt} />;
}

/** One hook's metrics, or every hook's when `uuid` is absent (the Webhooks page). */
export function MetricsPanel({ uuid, createdAt }: { uuid?: string; createdAt?: string }) {
  const fallback = defaultWindow(createdAt);
  const [raw, setWindow] = useUrlParam("window", fallback);
  const window = (WINDOWS.some((w) => w.id === raw) ? raw : fallback) as MetricsWindow;
  const q = useMetrics(uuid, window);
  const m = q.data;
  return (
    <div className="space-y-4">
      <Tabs label="Window" tabs={WINDOWS} value={window} onChange={setWindow} />
      {q.error ? <Alert>{q.error.message}</Alert> : null}
      {m ? (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Attempts" value={m.total.toLocaleString()} />
            <Stat label="Success rate" value={m.successRate === null ? "—" : `${(m.successRate * 100).toFixed(1)} %`} />
            <Stat label="p50 latency" value={m.latencyP50 === null ? "—" : `${m.latencyP50} ms`} />
            <Stat label="p95 latency" value={m.latencyP95 === null ? "—" : `${m.latencyP95} ms`} />
          </div>
          <ChartCard height={264}>
            <BarChart data={m.buckets}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="at" tickFormatter={timeTick(window)} minTickGap={24} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} width={40} />
              <Tooltip labelFormatter={(v) => new Date(String(v)).toLocaleString()} />
              <Legend />
              <Bar dataKey="successes" name="delivered" stackId="a" fill="#10b981" />
              <Bar dataKey="failures" name="failed" stackId="a" fill="#ef4444" />
            </BarChart>
          </ChartCard>
          <p className="text-xs text-zinc-500">
            Each bar is {m.bucketMinutes} min of attempts (retries included). Latency counts only attempts that left this machine: not those refused by the
            address check, unresolvable, or stopped by the transformation.
          </p>
        </>
      ) : null}
    </div>
  );
}
