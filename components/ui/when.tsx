"use client";
// The one date display of the dashboard: relative text ("3 min ago", "in 2 h") with the absolute
// local time on hover. Server and browser clocks differ, so the text is allowed to differ at hydration.
import { useEffect, useState } from "react";

/** "just now", "3 min ago", "in 2 h", "5 d ago"; beyond a month the local date. */
export function relativeText(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const ms = t - now;
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 45) return ms > 0 ? "in a moment" : "just now";
  const text = s < 3600 ? `${Math.max(1, Math.round(s / 60))} min` : s < 86400 ? `${Math.round(s / 3600)} h` : s < 30 * 86400 ? `${Math.round(s / 86400)} d` : null;
  if (!text) return new Date(t).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
  return ms > 0 ? `in ${text}` : `${text} ago`;
}

/** "Dec 6, 2026, 21:40:12 GMT+1": the absolute local time (with its zone) for the title. */
export function absoluteText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" });
}

/** Re-renders every 30 s so "just now" ages. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function When({ at, none = "Never", className }: { at: string | null | undefined; none?: string; className?: string }) {
  const now = useNow();
  if (!at) return <span className={className}>{none}</span>;
  return (
    <time dateTime={at} title={absoluteText(at)} className={className} suppressHydrationWarning>
      {relativeText(at, now)}
    </time>
  );
}
