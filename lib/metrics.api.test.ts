// GET /metrics over real HTTP: Prometheus' exposition format for the master key or a key with the
// metrics action, 401/403 in the error envelope otherwise, and the counters moving as work happens:
// a notify, a deploy, a search, a delivery to a receiver on loopback and a hook the engine pauses.
import { describe, expect, it } from "vitest";
import { api, settle } from "./testing/server";
import { describeKeyMatrix } from "./testing/key-matrix";
import { DELIVERY_ENV, serverSuite } from "./testing/fixture";
import { until } from "./testing/wait";

const suite = serverSuite(DELIVERY_ENV);
const { call, hooks, receiver } = suite;

const scrape = async () => {
  const r = await call("GET", "/metrics");
  expect(r.status, r.text).toBe(200);
  return r.text;
};

/** The value of the sample `name` whose labels include `labels` (undefined: no such sample). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[3] ?? "";
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) return Number(m[4]);
  }
  return undefined;
}

/** Scrapes until `check` holds for the text (each scrape is a fresh read); the text it held for. */
async function metricsWhen(check: (text: string) => boolean): Promise<string> {
  let text = "";
  return until(async () => ((text = await scrape()), check(text) && text), {
    what: "metrics never satisfied the check",
    detail: () => text.split("\n").filter((l) => l.startsWith("indexhook_")).join("\n"),
  });
}

describe("GET /metrics", () => {
  it("answers the exposition format (0.0.4) to the master key, with process metrics", async () => {
    const r = await call("GET", "/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.text).toContain("# TYPE indexhook_search_requests_total counter");
    expect(r.text).toContain("# TYPE indexhook_search_duration_seconds histogram");
    expect(sample(r.text, "nodejs_eventloop_lag_seconds", { process: "web" })).toBeGreaterThanOrEqual(0);
    expect(sample(r.text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(r.text, "indexhook_task_queue_depth", { status: "enqueued" })).toBeGreaterThanOrEqual(0);
  });

  it("refuses a scrape without a key or with a wrong one: 401 in the error envelope", async () => {
    for (const bearer of [null, "not-the-master-key-0123456789", "ihk_prv_" + "1".repeat(38)]) {
      const r = await api(suite.server, bearer)("GET", "/metrics");
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe("unauthorized");
      expect(typeof r.json.error.message).toBe("string");
    }
  });

  it("refuses a metrics key scoped to a list of indexes (metrics name every index): 403", async () => {
    const made = await call("POST", "/api/v1/keys", { name: "scoped metrics", actions: ["metrics"], indexes: ["some-index"] });
    expect(made.status).toBe(201);
    const r = await api(suite.server, made.json.key)("GET", "/metrics");
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("forbidden");
  });

  it("moves as work happens: ingest, deploy, search, deliveries, auto-pause, key cache", async () => {
    const id = "metered";
    expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: { title: "string" } })).status).toBe(201);
    const rx = await receiver();
    const hook = await hooks.create({ url: `${rx.url}/in`, filters: { indexes: [id] } });
    const gone = await receiver(() => ({ status: 410 }));
    const goneHook = await hooks.create({ url: `${gone.url}/gone`, filters: { indexes: [id] } });

    const notify = await call("POST", `/api/v1/webhooks/${id}/notify`, { upsert: [{ id: "a", title: "Alien" }, { id: "b", title: "Heat" }] });
    expect(notify.status).toBe(202);
    const deploy = (await call("POST", `/api/v1/webhooks/${id}/deploy`)).json;
    expect((await settle(call, deploy.taskUid)).status).toBe("succeeded");
    const searched = await call("POST", `/api/v1/indexes/${id}/search`, { term: "alien" });
    expect(searched.json.count).toBe(1);
    // Counted as an error: it reached the live version (its schema has no such property). A shape error
    // (limit: 5000) is refused before and counts nothing, like a search of an unknown index.
    expect((await call("POST", `/api/v1/indexes/${id}/search`, { term: "x", where: { nope: { eq: 1 } } })).status).toBe(400);
    expect((await call("POST", `/api/v1/indexes/${id}/search`, { term: "x", limit: 5000 })).status).toBe(400);
    expect((await call("POST", `/api/v1/indexes/nowhere/search`, { term: "x" })).status).toBe(404);
    await rx.waitFor(1);
    await gone.waitFor(1);

    const idx = { index: id };
    const text = await metricsWhen(
      (t) =>
        (sample(t, "indexhook_delivery_attempts_total", { hook: hook.uuid, outcome: "success" }) ?? 0) >= 1 &&
        (sample(t, "indexhook_hook_auto_pauses_total", { hook: goneHook.uuid }) ?? 0) >= 1,
    );
    expect(sample(text, "indexhook_ingest_requests_total", { ...idx, kind: "notify" })).toBe(1);
    expect(sample(text, "indexhook_ingest_documents_total", { ...idx, kind: "notify" })).toBe(2);
    expect(sample(text, "indexhook_ingest_bytes_total", { ...idx, kind: "notify" })).toBeGreaterThan(20);
    expect(sample(text, "indexhook_deploys_total", { ...idx, outcome: "succeeded" })).toBe(1);
    expect(sample(text, "indexhook_deploy_duration_seconds_count", { ...idx, outcome: "succeeded" })).toBe(1);
    expect(sample(text, "indexhook_deploy_documents", idx)).toBe(2);
    expect(sample(text, "indexhook_search_requests_total", { ...idx, outcome: "ok" })).toBe(1);
    expect(sample(text, "indexhook_search_requests_total", { ...idx, outcome: "error" })).toBe(1);
    expect(sample(text, "indexhook_search_duration_seconds_count", idx)).toBe(1);
    expect(text).not.toContain('index="nowhere"');
    expect(sample(text, "indexhook_delivery_duration_seconds_count", { hook: hook.uuid })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "indexhook_delivery_attempts_total", { hook: goneHook.uuid, outcome: "failure" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "indexhook_hook_auto_pauses_total", { hook: goneHook.uuid })).toBe(1);
    // Read at scrape time: one gauge per hook (the delivered hook's backlog drains to 0).
    await metricsWhen((t) => sample(t, "indexhook_delivery_backlog", { hook: hook.uuid }) === 0);

    // A search key used twice in a row: the second lookup is served by the key cache.
    const key = (await call("POST", "/api/v1/keys", { name: "metered search", actions: ["search"], indexes: [id] })).json.key;
    const hitsBefore = sample(await scrape(), "indexhook_key_cache_lookups_total", { result: "hit" }) ?? 0;
    const searchWithKey = api(suite.server, key);
    let hits = hitsBefore;
    for (let i = 0; i < 50 && hits <= hitsBefore; i++) {
      expect((await searchWithKey("POST", `/api/v1/indexes/${id}/search`, { term: "heat" })).status).toBe(200);
      hits = sample(await scrape(), "indexhook_key_cache_lookups_total", { result: "hit" }) ?? 0;
    }
    expect(hits).toBeGreaterThan(hitsBefore);
  });
});

describeKeyMatrix(() => suite.server, { method: "GET", path: "/metrics", action: "metrics", okStatus: 200 });
