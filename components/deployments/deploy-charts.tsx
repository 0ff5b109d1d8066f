"use client";
// The Deployments tab's charts, oldest version on the left: how long each build took (failed ones in red),
// and what each version changed (added / changed / removed, stacked) against the version's document total.
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { DeploymentDto } from "@/lib/contracts/deployments";
import { ChartCard } from "@/components/ui/chart-card";

export interface VersionPoint {
  version: string;
  seconds: number;
  failed: boolean;
  added: number;
  changed: number;
  removed: number;
  total: number;
}

/** Finished deployments as chart points, oldest first (the history comes newest first). */
export function versionPoints(rows: DeploymentDto[]): VersionPoint[] {
  return rows
    .filter((d) => d.finishedAt !== null)
    .sort((a, b) => a.version - b.version)
    .map((d) => ({
      version: `v${d.version}`,
      seconds: Math.max(0, (Date.parse(d.finishedAt!) - Date.parse(d.startedAt)) / 1000),
      failed: d.status === "failed",
      added: d.upserted,
      changed: d.updated,
      removed: d.removed,
      total: d.documentCount,
    }));
}

const secs = (v: number) => (v < 1 ? `${Math.round(v * 1000)} ms` : `${v.toFixed(v < 10 ? 2 : 1)} s`);
/** Axis ticks: short enough not to wrap ("750 ms", "1.5 s"). */
const tickSecs = (v: number) => (v < 1 ? `${Math.round(v * 1000)} ms` : `${Number(v.toFixed(1))} s`);

export function DeployCharts({ rows }: { rows: DeploymentDto[] }) {
  const points = versionPoints(rows);
  if (points.length === 0) return null;
  const height = 220;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title="Build duration per version" testId="deploy-duration-chart" height={height} footer="Red bars: builds that failed.">
        <BarChart data={points} margin={{ right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="version" fontSize={12} />
          <YAxis fontSize={12} width={60} tickFormatter={tickSecs} />
          <Tooltip formatter={(v) => secs(Number(v))} />
          <Bar dataKey="seconds" name="duration" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.version} fill={p.failed ? "#ef4444" : "#6366f1"} />
            ))}
          </Bar>
        </BarChart>
      </ChartCard>
      <ChartCard title="Documents per version" testId="deploy-documents-chart" height={height}>
        <ComposedChart data={points} margin={{ right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="version" fontSize={12} />
          <YAxis yAxisId="changes" allowDecimals={false} fontSize={12} width={44} />
          <YAxis yAxisId="total" orientation="right" allowDecimals={false} fontSize={12} width={44} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="changes" dataKey="added" stackId="c" fill="#10b981" isAnimationActive={false} />
          <Bar yAxisId="changes" dataKey="changed" stackId="c" fill="#f59e0b" isAnimationActive={false} />
          <Bar yAxisId="changes" dataKey="removed" stackId="c" fill="#ef4444" isAnimationActive={false} />
          <Line yAxisId="total" dataKey="total" name="total documents" stroke="#6366f1" strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ChartCard>
    </div>
  );
}
