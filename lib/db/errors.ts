// Postgres error codes the app reacts to (the same on PGlite and postgres.js, possibly wrapped in `cause`).

/** A unique constraint refused the write (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}
