// Waiting in tests: a test checks what it waits for again and again, never sleeps a fixed time. The
// limit is generous (CI runs two suites at once on two shared cores) and costs nothing when the check
// passes early.
export const WAIT_MS = 30_000;

type Probe<T> = () => T | Promise<T>;
type WaitOptions = { timeoutMs?: number; intervalMs?: number };
type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;

/** The first truthy value `probe` gives within timeoutMs, or the last (falsy) one when time runs out. */
export async function eventually<T>(probe: Probe<T>, { timeoutMs = WAIT_MS, intervalMs = 50 }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * The first truthy value `probe` gives; throws "<what>: not within <ms> ms" (and `detail()`, e.g. the last
 * state seen) when time runs out.
 */
export async function until<T>(probe: Probe<T>, { what = "condition", detail, ...wait }: WaitOptions & { what?: string; detail?: () => string } = {}): Promise<Truthy<T>> {
  const value = await eventually(probe, wait);
  if (!value) throw new Error(`${what}: not within ${wait.timeoutMs ?? WAIT_MS} ms${detail ? `\n${detail()}` : ""}`);
  return value as Truthy<T>;
}
