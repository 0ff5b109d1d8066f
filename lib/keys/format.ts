// The key format `ihk_<pub|prv>_<32 random base58><6 base58 checksum>`. The checksum lets us reject
// typos and junk before touching the database; only the SHA-256 of the whole key is ever stored.
import { createHash } from "node:crypto";
import type { Action } from "../contracts/define";
import { randomBase58 } from "../ids";

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** Characters kept in clear so people can tell keys apart (`ihk_pub_Ab3d`). */
export const START_LENGTH = 12;

export type KeyKind = "public" | "private";
const TAG: Record<KeyKind, string> = { public: "pub", private: "prv" };
const KEY_RE = new RegExp(`^ihk_(pub|prv)_([${ALPHABET}]{${RANDOM_LENGTH + CHECKSUM_LENGTH}})$`);

function checksum(random: string): string {
  const digest = createHash("sha256").update(random).digest();
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) out += ALPHABET[digest[i] % 58];
  return out;
}

/** Public keys are exactly the search-only ones: they may ship to browsers. */
export function kindFor(actions: readonly Action[]): KeyKind {
  return actions.length === 1 && actions[0] === "search" ? "public" : "private";
}

export function generateKey(kind: KeyKind): string {
  const random = randomBase58(RANDOM_LENGTH);
  return `ihk_${TAG[kind]}_${random}${checksum(random)}`;
}

/** True when the token has our shape and a matching checksum (no database involved). The checksum
 * covers the random part only, so a swapped pub/prv tag passes here and fails at the hash lookup. */
export function isWellFormed(token: string): boolean {
  const m = KEY_RE.exec(token);
  if (!m) return false;
  const body = m[2];
  return checksum(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function startOf(key: string): string {
  return key.slice(0, START_LENGTH);
}
