// The hook status in the shared vocabulary (a word and a colour), with the reason on hover.
import type { HookDto, HookStatus } from "@/lib/contracts/hooks";
import { Badge, type Tone } from "@/components/ui/badge";
import { When, relativeText } from "@/components/ui/when";

const STATUS: Record<HookStatus, { label: string; tone: Tone }> = {
  active: { label: "Active", tone: "success" },
  paused: { label: "Paused", tone: "neutral" },
  "auto-paused": { label: "Auto-paused", tone: "danger" },
  failing: { label: "Failing", tone: "warning" },
};

/** The pausedReason the delivery engine writes when the SSRF guard refused the URL (lib/delivery/send.ts). */
const REFUSED = "refused: ";

/** Why the SSRF guard refused this hook's URL, or null: shown next to the URL, since only a new URL (or ALLOWED_IP_NETWORKS) helps. */
export function refusalReason(h: Pick<HookDto, "paused" | "pausedReason">): string | null {
  return h.paused && h.pausedReason?.startsWith(REFUSED) ? h.pausedReason.slice(REFUSED.length) : null;
}

const AUTO_FAILING = "auto: failing since ";

/** The engine's pausedReason in words: "gone: 410" → "the receiver answered 410 Gone", "auto: failing since <ISO>" → "failing since 3 d ago". */
export function autoPauseText(reason: string | null, date: (iso: string) => string): string {
  if (!reason) return "too many failures";
  if (reason.startsWith(AUTO_FAILING)) return `every delivery failed since ${date(reason.slice(AUTO_FAILING.length))}`;
  if (reason === "gone: 410") return "the receiver answered 410 Gone (it asks not to be called again)";
  return reason;
}

/** autoPauseText as page text: the date is a <When>. */
export function AutoPauseReason({ reason }: { reason: string | null }) {
  if (reason?.startsWith(AUTO_FAILING)) {
    return (
      <>
        every delivery failed since <When at={reason.slice(AUTO_FAILING.length)} />
      </>
    );
  }
  return <>{autoPauseText(reason, (iso) => iso)}</>;
}

export function statusReason(h: Pick<HookDto, "status" | "paused" | "pausedReason" | "failingSince">): string {
  const refused = refusalReason(h);
  if (refused) return `Paused by Indexhook: the URL is refused (${refused}). Change the URL (that resumes it) or ALLOWED_IP_NETWORKS, then resume.`;
  if (h.status === "failing") return `Deliveries failing since ${h.failingSince ? relativeText(h.failingSince) : "recently"}; retrying with backoff.`;
  if (h.status === "paused") return "Paused by hand: events accumulate and are sent on resume.";
  if (h.status === "auto-paused") return `Paused by Indexhook: ${autoPauseText(h.pausedReason, relativeText)}. Events accumulate until you resume.`;
  return "Delivering.";
}

export function HookStatusBadge({ hook }: { hook: Pick<HookDto, "status" | "paused" | "pausedReason" | "failingSince"> }) {
  const s = STATUS[hook.status];
  return (
    <span title={statusReason(hook)} data-testid="hook-status">
      <Badge tone={s.tone}>{s.label}</Badge>
    </span>
  );
}

/** statusReason as page text: the failing-since time is a <When> (relative, absolute on hover). */
export function StatusReason({ hook }: { hook: Pick<HookDto, "status" | "paused" | "pausedReason" | "failingSince"> }) {
  if (hook.status === "failing" && !refusalReason(hook) && hook.failingSince) {
    return (
      <>
        Deliveries failing since <When at={hook.failingSince} />; retrying with backoff.
      </>
    );
  }
  if (hook.status === "auto-paused" && !refusalReason(hook)) {
    return (
      <>
        Paused by Indexhook: <AutoPauseReason reason={hook.pausedReason} />. Events accumulate until you resume.
      </>
    );
  }
  return <>{statusReason(hook)}</>;
}
