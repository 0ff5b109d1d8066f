"use client";
// The dashboard's one chart card (analytics, webhook metrics, deploy history): a titled card holding a
// recharts chart that fills a fixed height, and the figure cards shown above charts.
import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";
import { Card } from "./card";

/** A labelled figure; `testId` names it for tests (e.g. `metric-Attempts`). */
export function StatCard({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="p-3">
      <p className="text-xs uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="text-lg font-semibold" data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}

interface ChartCardProps {
  title?: string;
  /** CSS height of the chart area in pixels (the card adds its title and padding). */
  height?: number;
  testId?: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: ReactNode;
  /** One recharts chart (it must be the ResponsiveContainer's only child). */
  children: ReactElement;
  footer?: ReactNode;
}

export function ChartCard({ title, height = 256, testId, empty, children, footer }: ChartCardProps) {
  return (
    <Card className="min-w-0 p-3" data-testid={testId} role={title ? "figure" : undefined} aria-label={title}>
      {title ? <h3 className="mb-2 text-sm font-semibold">{title}</h3> : null}
      {empty ? (
        <p className="py-8 text-center text-sm text-zinc-500">{empty}</p>
      ) : (
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            {children}
          </ResponsiveContainer>
        </div>
      )}
      {footer ? <div className="mt-2 text-xs text-zinc-500">{footer}</div> : null}
    </Card>
  );
}

/** X-axis ticks for time buckets: hours and minutes, or weekday and hour over a week. */
export const timeTick = (window: string) => (iso: string) => {
  const d = new Date(iso);
  return window === "7d" ? d.toLocaleDateString(undefined, { weekday: "short", hour: "2-digit" }) : d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
};
