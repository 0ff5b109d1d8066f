// The first-run setup code: while no user exists, creating the admin from anywhere but this machine
// needs a one-time code the server prints in its log at start (as Jupyter and Sonarr do), so a fresh
// instance on a public address is not taken by its first visitor. INDEXHOOK_SETUP_CODE sets it for
// automation; otherwise a random code is stored in `settings` (one code for every process of an
// instance) and deleted in the transaction that creates the admin, after which setup is closed anyway.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db";
import { settings } from "../db/schema";
import { env } from "../env";
import { AppError } from "../errors";

const KEY = "setup_code";
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read from a log, typed by hand

/** A new code: 12 characters of a 32-letter alphabet (60 bits), shown as XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

/** Case, spaces and dashes do not matter when typing a code. */
function normalize(code: string): string {
  return code.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
}

function sameCode(given: string, expected: string): boolean {
  const a = createHash("sha256").update(normalize(given)).digest();
  const b = createHash("sha256").update(normalize(expected)).digest();
  return timingSafeEqual(a, b);
}

async function storedCode(db: DbOrTx): Promise<string | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const value = row?.value as { code?: unknown } | undefined;
  return typeof value?.code === "string" ? value.code : null;
}

/**
 * Called once per start of a web process while no user exists: makes sure a code exists (the first
 * process to start creates it; the others print the same one) and prints it.
 */
export async function announceSetupCode(db: Db): Promise<void> {
  if (env().INDEXHOOK_SETUP_CODE) {
    console.log("[indexhook] No admin account yet: open /setup. From another machine it asks for the setup code set in INDEXHOOK_SETUP_CODE.");
    return;
  }
  await db.insert(settings).values({ key: KEY, value: { code: newSetupCode() } }).onConflictDoNothing();
  const code = await storedCode(db);
  console.log(`[indexhook] No admin account yet: open /setup. From another machine it asks for this one-time setup code: ${code}`);
}

/**
 * Throws 403 unless the request may create the admin: it comes from this machine (`local`, decided by
 * lib/http/peer.ts) or carries the code. Run inside the setup transaction, which then calls
 * forgetSetupCode.
 */
export async function assertSetupCode(tx: DbOrTx, { code, local }: { code?: string; local: boolean }): Promise<void> {
  if (local) return;
  if (!code) {
    throw new AppError("setup_code_required", "Enter the setup code: the server printed it in its log at start (or it is set by INDEXHOOK_SETUP_CODE).", [
      { path: "setupCode", message: "required: see the server's log", code: "custom" },
    ]);
  }
  const expected = env().INDEXHOOK_SETUP_CODE ?? (await storedCode(tx));
  if (!expected || !sameCode(code, expected)) {
    throw new AppError("setup_code_invalid", "That setup code is not right: copy it from the server's log (printed at start).", [
      { path: "setupCode", message: "not the code in the server's log", code: "custom" },
    ]);
  }
}

/** The code stops existing with the admin it let in (same transaction). */
export async function forgetSetupCode(tx: DbOrTx): Promise<void> {
  await tx.delete(settings).where(eq(settings.key, KEY));
}
