// Typed, prefixed ids (usr_, idx_, key_, hook_, dlv_ …) so every log line says what it names.
import { randomBytes } from "node:crypto";

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Random base58 string of `length` characters (rejection sampling keeps it unbiased). */
export function randomBase58(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 58 * 4) out += ALPHABET[byte % 58];
      if (out.length === length) break;
    }
  }
  return out;
}

export function newId(prefix: string, length = 16): string {
  return `${prefix}_${randomBase58(length)}`;
}
