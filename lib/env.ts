// The one module that reads process.env: validated once, with a one-line error naming the variable.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const cidrList = z
  .string()
  .trim()
  .refine(
    (v) => v === "" || v === "any" || v.split(",").every((c) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(c.trim())),
    "comma-separated CIDRs (e.g. 10.0.0.0/8,::1/128) or 'any'",
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "a postgres:// or postgresql:// URL"),
  INDEXHOOK_MASTER_KEY: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 16, "at least 16 characters"),
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  TASK_WEBHOOK_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\//.test(v), "an http:// or https:// URL"),
  TASK_WEBHOOK_AUTHORIZATION_HEADER: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  ALLOWED_IP_NETWORKS: cidrList.default(""),
  WORKER: z.enum(["inline", "off"]).default("inline"),
  /**
   * The production server's search fast lane (lib/http/fast-lane.ts): `on` answers keyed search and init
   * requests from node:http; `off` sends every request through Next; `switchable` (benches) is `on`, but a
   * request with the header `x-indexhook-lane: next` goes through Next.
   */
  SEARCH_FAST_LANE: z.enum(["on", "off", "switchable"]).default("on"),
  /** `npm run worker` only: the port its own GET /metrics listens on (unset = none). The web process serves /metrics on PORT. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** The address METRICS_PORT binds (default all interfaces, as `next start` does). */
  METRICS_HOST: z.string().trim().min(1).default("0.0.0.0"),
  /** Body limits of the inbound webhooks (bytes). NDJSON snapshots stream, so theirs is far larger. */
  NOTIFY_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  SNAPSHOT_MAX_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
  NDJSON_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024 * 1024),
  /** A deploy whose worker stopped sending heartbeats for this long is retried once, then failed. */
  DEPLOY_STALE_MS: z.coerce.number().int().positive().default(60_000),
  /** A hook failing without a success for this long is paused ("auto: failing since …"). */
  HOOK_AUTO_PAUSE_AFTER_MS: z.coerce.number().int().positive().default(3 * 24 * 3600 * 1000),
  /** Multiplies the retry schedule (1 s … 24 h); tests shrink it (0.01) instead of waiting. */
  HOOK_RETRY_SCALE: z.coerce.number().positive().default(1),
  /** How long a worker holds a delivery while sending; a lease that runs out is resent by another. */
  HOOK_LEASE_MS: z.coerce.number().int().min(200).default(60_000),
  /** How long sign-up waits for the new-user policy webhook before failing closed. */
  POLICY_HOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Public sign-up attempts allowed per minute, instance-wide (each may call the policy webhook); 0 = no limit. */
  SIGNUP_MAX_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Audit entries older than this many days are deleted (0 = keep forever). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
  /** Search analytics (lib/analytics): how often each process writes its buffered searches… */
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** …how many searches it buffers between flushes (beyond that it samples, and records the rate)… */
  ANALYTICS_BUFFER_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** …how many days of recorded searches are kept, and the most rows kept (the oldest go first). */
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  ANALYTICS_MAX_ROWS: z.coerce.number().int().min(1000).default(2_000_000),
  /** The first-run setup code (automation); unset = a random one printed in the log at start. */
  INDEXHOOK_SETUP_CODE: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.trim().length >= 8, "at least 8 characters"),
  /** Per-document limits checked at ingest (docs/document-limits.md): JSON bytes of one document… */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** …tokens indexed for one string/string[] property (distinct words per value, summed over items)… */
  DOCUMENT_MAX_PROPERTY_TOKENS: z.coerce.number().int().positive().default(65_536),
  /** …and the length tokens are cut to (UTF-16 code units) when indexing and searching. */
  TOKEN_MAX_LENGTH: z.coerce.number().int().min(16).max(4096).default(256),
  /**
   * PGlite (no DATABASE_URL) runs on its own worker thread, off the event loop that serves HTTP (1, the
   * default); 0 runs it in the server's thread as before (docs/embedded-database.md), for comparison.
   */
  INDEXHOOK_PGLITE_THREAD: z.enum(["0", "1"]).default("1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * Deploys of different indexes that one worker process runs side by side (still one per index).
   * At least 2, so one slow deploy never holds up the rest; at most 4 by default, since each
   * running deploy holds its index's documents in memory.
   */
  DEPLOY_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => Math.min(4, Math.max(2, os.availableParallelism() - 1))),
  /** A deploy running longer than this is stopped (build thread terminated) and failed; the live version stays. */
  DEPLOY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10 * 60_000),
  /**
   * Tests only, refused at start-up unless running under vitest (VITEST is set): a deploy whose
   * documents include the id `test-slow-build` blocks its build thread this long.
   */
  INDEXHOOK_TEST_BUILD_DELAY_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).optional()),
  /**
   * Tests only (refused outside vitest): reading a version's search index (to load it for searching)
   * waits this long first — a big index's slow read, so read-after-deploy can be tested with a small one.
   */
  INDEXHOOK_TEST_LOAD_DELAY_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).optional()),
  /**
   * The URL people and hooks use to reach this instance when it is not http://localhost:PORT (behind a
   * proxy, a domain). One of the instance's own origins: a hook to its inspector bins there is delivered
   * over loopback. Never taken from request headers.
   */
  INDEXHOOK_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/?#]+\/?$/.test(v), "an http:// or https:// origin, e.g. https://search.example.com"),
});

export type Env = z.infer<typeof schema> & { dataDir: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Invalid ${name}=${JSON.stringify(source[name] ?? "")}: expected ${issue.message}`);
  }
  // A test knob must not slow a real instance down because someone copied a test's environment.
  for (const knob of ["INDEXHOOK_TEST_BUILD_DELAY_MS", "INDEXHOOK_TEST_LOAD_DELAY_MS"] as const) {
    if (result.data[knob] !== undefined && !source.VITEST) throw new EnvError(`Invalid ${knob}: expected unset (a test-only knob, honoured only under vitest)`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}

let cached: Env | undefined;

/** The validated environment; a bad value throws an EnvError with one line naming the variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** A secret named by configuration (e.g. an embeddings provider's API key variable). */
export function secretFromEnv(name: string): string | undefined {
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(name)) return undefined;
  return process.env[name] || undefined;
}
