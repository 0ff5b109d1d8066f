// Updates a hook. Pausing by hand records "manual"; resuming clears any reason (an auto-paused hook is
// resumed the same way). Switching kind moves the cursor to the head of the other event log.
import { wakeDelivery } from "../delivery/signals";
import { eq } from "drizzle-orm";
import type { HookDto, UpdateHookInput } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks, type Hook } from "../db/schema/hooks";
import { checkHookUrl } from "./check-hook-url";
import { toHookDto } from "./dto";
import { loadEditableHook } from "./load-hook";
import { logHead } from "./log-head";
import { mergeHeaders } from "./redact";

export async function updateHook({
  db,
  uuid,
  input,
  selfOrigin,
}: {
  db: Db;
  uuid: string;
  input: UpdateHookInput;
  selfOrigin: string;
}): Promise<HookDto> {
  const existing = await loadEditableHook(db, uuid);
  if (input.url !== undefined && input.url !== existing.url) await checkHookUrl(input.url, selfOrigin);
  const patch: Partial<Hook> = { updatedAt: new Date() };
  if (input.url !== undefined) patch.url = input.url;
  if (input.filters !== undefined) patch.filters = input.filters;
  if (input.headers !== undefined) patch.headers = mergeHeaders(existing.headers, input.headers);
  if (input.paused !== undefined && input.paused !== existing.paused) {
    patch.paused = input.paused;
    patch.pausedReason = input.paused ? "manual" : null;
  }
  if (input.kind !== undefined && input.kind !== existing.kind) {
    patch.kind = input.kind;
    patch.cursor = await logHead(db, input.kind);
  }
  const [row] = await db.update(hooks).set(patch).where(eq(hooks.uuid, uuid)).returning();
  // A resumed hook has kept changes waiting: deliver them now, not at the next poll.
  if (patch.paused === false) wakeDelivery();
  return toHookDto(row);
}
