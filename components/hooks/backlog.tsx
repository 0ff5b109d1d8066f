// What a hook has waiting (events after its cursor, undelivered deliveries) and its rate limit, in a
// line: shown in the list and on the detail page, so a paused, failing or throttled hook's queue is visible.
import type { HookDto } from "@/lib/contracts/hooks";

const CAP = 10_000;

function count(n: number, one: string, many: string) {
  return `${n >= CAP ? `${CAP.toLocaleString()}+` : n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "12 events, 1 delivery waiting", or null when nothing waits. */
export function backlogText(h: Pick<HookDto, "backlog">): string | null {
  const b = h.backlog;
  if (!b || (b.events === 0 && b.deliveries === 0)) return null;
  const parts = [];
  if (b.events) parts.push(count(b.events, "event", "events"));
  if (b.deliveries) parts.push(count(b.deliveries, "delivery", "deliveries"));
  return `${parts.join(", ")} waiting`;
}

export function rateText(h: Pick<HookDto, "rateLimit">): string | null {
  return h.rateLimit ? `≤ ${h.rateLimit.toLocaleString()} req/s` : null;
}

export function BacklogNote({ hook, className = "" }: { hook: Pick<HookDto, "backlog" | "rateLimit">; className?: string }) {
  const backlog = backlogText(hook);
  const rate = rateText(hook);
  if (!backlog && !rate) return null;
  return (
    <span className={`text-xs text-zinc-600 dark:text-zinc-400 ${className}`}>
      {rate ? <span data-testid="hook-rate-limit">{rate}</span> : null}
      {rate && backlog ? " · " : null}
      {backlog ? <span data-testid="hook-backlog">Backlog: {backlog}</span> : null}
    </span>
  );
}
