// The poll endpoint's read side: a poll hook's events after a cursor, from the same append-only logs
// pushed deliveries read, through the same filters and per-key coalescing (claim.ts's nextChanges /
// nextTasks). Reading is stateless: the consumer keeps the cursor (`next`), nothing moves on the
// server, so two readers, a crash between read and processing, or a re-read of old pages are all safe.
import "server-only";
import type { Db } from "../db";
import type { HookEventsPage } from "../contracts/hooks";
import { badRequest } from "../errors";
import { logHead } from "../hooks/log-head";
import { nextChanges, nextTasks } from "./claim";
import { nextOperational } from "./operational";
import { hookOr404 } from "./queries";

/** Log rows one request reads at most (a page of a hook whose filters skip most of the log ends early). */
const SCAN_LIMIT = 20_000;
const PREFIX = { changes: "chg", tasks: "tsk", operational: "ops" } as const;
type Kind = keyof typeof PREFIX;

/** Cursors name their log (`chg_…` change_events, `tsk_…` task_events), so one of the other kind is refused. */
export const toCursor = (kind: Kind, id: number) => `${PREFIX[kind]}_${id}`;

function parseCursor(kind: Kind, after: string): number {
  const m = /^([a-z]{3})_(\d{1,15})$/.exec(after);
  if (!m || m[1] !== PREFIX[kind]) {
    throw badRequest(`after= is not a cursor of this hook's ${kind} log (expected "${PREFIX[kind]}_<n>", the next of a previous page).`, { parameter: "after" }, "invalid_cursor");
  }
  return Number(m[2]);
}

export async function pollHookEvents(db: Db, uuid: string, q: { after?: string; limit: number }): Promise<HookEventsPage> {
  const hook = await hookOr404(db, uuid);
  if (hook.mode !== "poll") {
    throw badRequest(`Hook ${uuid} is a push hook: its events are POSTed to its URL. Create a hook with mode "poll" to pull them.`, { mode: hook.mode });
  }
  // Without a cursor: from where the hook started (its creation, or its last change of kind).
  const from = q.after === undefined ? hook.cursor : parseCursor(hook.kind, q.after);
  const view = { filters: hook.filters, cursor: from };
  const next =
    hook.kind === "changes"
      ? await nextChanges(db, view, q.limit, SCAN_LIMIT)
      : hook.kind === "tasks"
        ? await nextTasks(db, view, q.limit)
        : await nextOperational(db, { uuid: hook.uuid, cursor: from }, q.limit);
  if (!next) {
    // A cursor past the end of the log is not one this log gave out: the events it would skip are not nothing.
    if (from > (await logHead(db, hook.kind))) throw badRequest("after= is ahead of this hook's log.", { parameter: "after" }, "invalid_cursor");
    return { data: [], next: toCursor(hook.kind, from), hasMore: false };
  }
  return { data: next.items, next: toCursor(hook.kind, next.lastId), hasMore: next.more };
}
