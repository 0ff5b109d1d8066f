// Updates a hook. Pausing by hand records "manual"; resuming clears any reason (an auto-paused hook is
// resumed the same way). Switching kind moves the cursor to the head of the other event log. The mode
// is fixed at create; a new signing scheme is a rotation to a new key of that scheme (the old key keeps
// signing, with its own scheme, for the grace period), so receivers can switch without a gap.
import "server-only";
import { wakeDelivery } from "../db/channels";
import { eq, sql } from "drizzle-orm";
import { audit, type AuditCtx } from "../audit/context";
import type { AuditAction } from "../audit/record";
import { diffFields } from "../audit/diff";
import type { HookDto, UpdateHookInput } from "../contracts/hooks";
import type { Db } from "../db";
import { hooks, type Hook } from "../db/schema/hooks";
import { REFUSED_PREFIX } from "../delivery/send";
import { checkHookUrl } from "./check-hook-url";
import { auditView, toHookDto } from "./dto";
import { loadEditableHook } from "./load-hook";
import { logHead } from "./log-head";
import { mergeHeaders } from "./redact";
import { badRequest, notFound } from "../errors";
import { newSigningKey } from "../net/signing";
import { ROTATION_GRACE_MS } from "./secrets";
import { checkTransformation } from "./transformation";

/**
 * The entries an update writes: pausing or resuming is its own action (hook.paused / hook.resumed);
 * any other changed field goes into one hook.updated with before/after of just those fields. Header
 * values never appear: only the names, and which names had their value changed.
 */
function hookChanges(before: Hook, after: Hook) {
  const entries: { action: AuditAction; details: Record<string, unknown> }[] = [];
  if (before.paused !== after.paused) entries.push({ action: after.paused ? "hook.paused" : "hook.resumed", details: { before: { paused: before.paused }, after: { paused: after.paused } } });
  const changed = diffFields(auditView(before), auditView(after), ["kind", "url", "headerNames", "filters", "signing", "rateLimit"]);
  const headerValuesChanged = Object.keys(after.headers)
    .filter((k) => k in before.headers && before.headers[k] !== after.headers[k])
    .sort();
  // The transformation's source is named, not copied: it can be long, and a diff of code reads badly in a log.
  const transformationChanged = (before.transformation ?? null) !== (after.transformation ?? null);
  if (changed.fields.length || headerValuesChanged.length || transformationChanged) {
    entries.push({
      action: "hook.updated",
      details: {
        fields: [...changed.fields, ...(headerValuesChanged.length ? ["headerValues"] : []), ...(transformationChanged ? ["transformation"] : [])],
        before: changed.before,
        after: changed.after,
        ...(headerValuesChanged.length ? { headerValuesChanged } : {}),
      },
    });
  }
  return entries;
}

export async function updateHook({
  db,
  uuid,
  input,
  ctx,
}: {
  db: Db;
  uuid: string;
  input: UpdateHookInput;
  ctx: AuditCtx;
}): Promise<HookDto> {
  // The URL check resolves DNS, so it runs before the transaction; the row itself is read again under
  // a row lock, so a concurrent edit is neither lost nor misreported in the audit entry's "before".
  const first = await loadEditableHook(db, uuid);
  if (input.mode !== undefined && input.mode !== first.mode) {
    throw badRequest(`The mode is fixed at create (this hook is a ${first.mode} hook); create a new hook instead.`, [{ path: ["mode"], message: "cannot change", code: "custom" }]);
  }
  if (first.mode === "poll" && input.url !== undefined) {
    throw badRequest("A poll hook has no url.", [{ path: ["url"], message: "not allowed for mode \"poll\"", code: "custom" }]);
  }
  if (input.url !== undefined && input.url !== first.url) await checkHookUrl(input.url);
  if (input.transformation !== undefined && input.transformation !== first.transformation) await checkTransformation(input.transformation);
  const { row, resumed } = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(hooks).where(eq(hooks.uuid, uuid)).for("update");
    if (!existing) throw notFound(`No hook ${uuid}.`);
    const patch: Partial<Hook> = { updatedAt: new Date() };
    if (input.url !== undefined) patch.url = input.url;
    if (input.filters !== undefined) patch.filters = input.filters;
    if (input.headers !== undefined) patch.headers = mergeHeaders(existing.headers, input.headers);
    if (input.rateLimit !== undefined) patch.rateLimit = input.rateLimit;
    if (input.transformation !== undefined) patch.transformation = input.transformation;
    if (input.paused !== undefined && input.paused !== existing.paused) {
      patch.paused = input.paused;
      patch.pausedReason = input.paused ? "manual" : null;
    }
    // A pause because the guard refused the old URL is about that URL: a new one (checked above) resumes.
    else if (input.paused === undefined && patch.url !== undefined && patch.url !== existing.url && existing.pausedReason?.startsWith(REFUSED_PREFIX)) {
      patch.paused = false;
      patch.pausedReason = null;
    }
    if (input.signing !== undefined && input.signing !== existing.signing) {
      const key = newSigningKey(input.signing);
      Object.assign(patch, {
        signing: input.signing,
        secret: key.secret,
        publicKey: key.publicKey,
        // Copied in SQL, as a rotation does: the key receivers use now keeps signing for the grace period.
        previousSecret: sql`${hooks.secret}`,
        previousPublicKey: sql`${hooks.publicKey}`,
        previousSecretExpiresAt: new Date(Date.now() + ROTATION_GRACE_MS),
      });
    }
    if (input.kind !== undefined && input.kind !== existing.kind) {
      patch.kind = input.kind;
      patch.cursor = await logHead(tx, input.kind);
    }
    const [row] = await tx.update(hooks).set(patch).where(eq(hooks.uuid, uuid)).returning();
    for (const entry of hookChanges(existing, row)) await audit(tx, ctx, { ...entry, target: { type: "hook", id: uuid } });
    return { row, resumed: patch.paused === false };
  });
  // A resumed hook has kept changes waiting: deliver them now, not at the next poll.
  if (resumed) wakeDelivery();
  return toHookDto(row);
}
