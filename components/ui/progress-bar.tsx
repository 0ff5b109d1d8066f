export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const pct = value === null ? undefined : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      <div
        className={`h-full bg-indigo-600 transition-all ${pct === undefined ? "w-1/3 animate-pulse" : ""}`}
        style={pct === undefined ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
