// Automatic embeddings against a local server that speaks the OpenAI embeddings wire format (the one
// stub allowed: no provider is reachable from here). Vectors are a bag of hashed words, so texts that
// share words are close. The provider is on loopback, so the server allows 127.0.0.0/8 as an operator
// would; the last part restarts it without that and checks the SSRF guard at save, deploy and search.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, settle, startServer, type TestServer } from "../testing/server";

const DIMS = 16;
function embed(text: string): number[] {
  const v = new Array(DIMS).fill(0);
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let h = 0;
    for (const c of w) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    v[h % DIMS] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

const seen: { auth?: string; inputs: string[] }[] = [];
/** How the provider answers the next request: well, a JSON error, an HTML error page, or 9 MB. */
let failNext: false | "json" | "html" | "huge" = false;
let provider: http.Server;
let port = 0;
let server: TestServer;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  provider = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { input, model, dimensions } = JSON.parse(body) as { input: string[]; model: string; dimensions: number };
      seen.push({ auth: req.headers.authorization, inputs: input });
      if (failNext === "html") {
        res.writeHead(502, { "content-type": "text/html" }).end(`<html><body>internal-only page: db=10.0.0.7 ${"x".repeat(500)}</body></html>`);
        return;
      }
      if (failNext === "huge") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: input.map((t, index) => ({ index, embedding: embed(t) })), padding: "x".repeat(9 * 1024 * 1024) }));
        return;
      }
      if (failNext || req.url !== "/v1/embeddings" || model !== "tiny-embed" || dimensions !== DIMS) {
        res.writeHead(500, { "content-type": "application/json" }).end(`{"error":{"message":"provider is down\\n${"because ".repeat(40)}"}}`);
        return;
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ object: "list", model, data: input.map((t, index) => ({ object: "embedding", index, embedding: embed(t) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((r) => provider.listen(0, "127.0.0.1", r));
  port = (provider.address() as AddressInfo).port;
  server = await startServer({ EMBED_TEST_KEY: "sk-test-123", ALLOWED_IP_NETWORKS: "127.0.0.0/8,::1/128" });
  call = api(server);
  const created = await call("POST", "/api/v1/indexes", {
    id: "emb",
    name: "emb",
    schema: { title: "string", body: "string", year: "number" },
    embeddings: { provider: "openai-compatible", baseUrl: `http://127.0.0.1:${port}/v1`, model: "tiny-embed", dimensions: DIMS, apiKeyEnv: "EMBED_TEST_KEY", properties: ["title", "body"] },
  });
  expect(created.status, created.text).toBe(201);
});
afterAll(async () => {
  await server?.stop();
  provider?.close();
});

const deploy = async () => settle(call, (await call("POST", "/api/v1/webhooks/emb/deploy")).json.taskUid, 60_000);

describe("automatic embeddings", () => {
  it("embeds at deploy time, keeps vectors with the documents, and answers vector and hybrid searches from a term", async () => {
    await call("POST", "/api/v1/webhooks/emb/snapshot", [
      { id: "cat", title: "The cat", body: "a small furry pet that purrs", year: 2000 },
      { id: "car", title: "The car", body: "a vehicle with four wheels and an engine", year: 2001 },
      { id: "boat", title: "The boat", body: "a vessel that floats on water", year: 2002 },
    ]);
    expect((await deploy()).status).toBe("succeeded");
    expect(seen.flatMap((s) => s.inputs)).toHaveLength(3);
    expect(seen[0].auth).toBe("Bearer sk-test-123");
    const vector = await call("POST", "/api/v1/indexes/emb/search", { mode: "vector", term: "pet that purrs", similarity: 0.1 });
    expect(vector.status, vector.text).toBe(200);
    expect(vector.json.hits[0].id).toBe("cat");
    expect(vector.json.hits[0].document.embedding).toBeUndefined();
    const hybrid = await call("POST", "/api/v1/indexes/emb/search", { mode: "hybrid", term: "vessel water", similarity: 0.1 });
    expect(hybrid.json.hits[0].id).toBe("boat");
  });

  it("embeds only new or changed text on the next deploy", async () => {
    seen.length = 0;
    await call("POST", "/api/v1/webhooks/emb/notify", {
      upsert: [{ id: "bike", title: "The bike", body: "two wheels and pedals", year: 2003 }],
      update: [{ id: "cat", year: 2010 }, { id: "car", body: "a fast vehicle with four wheels" }],
    });
    expect((await deploy()).status).toBe("succeeded");
    expect(seen.flatMap((s) => s.inputs).sort()).toEqual(["The bike\ntwo wheels and pedals", "The car\na fast vehicle with four wheels"]);
  });

  it("a provider failure fails the deploy with the reason and leaves the old version live", async () => {
    await call("POST", "/api/v1/webhooks/emb/notify", { upsert: [{ id: "bus", title: "The bus", body: "carries many passengers" }] });
    failNext = "json";
    const failed = await deploy();
    failNext = false;
    expect(failed.status).toBe("failed");
    // The provider's reason is summarised: one line, at most 100 characters.
    expect(failed.error.message).toMatch(/^embeddings provider answered HTTP 500: provider is down because because .*…$/);
    expect(failed.error.message.length).toBeLessThan(160);
    const r = await call("POST", "/api/v1/indexes/emb/search", { term: "bus" });
    expect(r.json.count).toBe(0);
    expect((await call("GET", "/api/v1/indexes/emb")).json.pending.upserts).toBe(1);
    expect((await deploy()).status).toBe("succeeded");
    expect((await call("POST", "/api/v1/indexes/emb/search", { term: "bus" })).json.count).toBe(1);
  });

  it("never echoes a provider's page, and refuses an answer over the size cap", async () => {
    await call("POST", "/api/v1/webhooks/emb/notify", { upsert: [{ id: "van", title: "The van", body: "moves boxes" }] });
    failNext = "html";
    const html = await deploy();
    expect(html.error.message).toBe("embeddings provider answered HTTP 502");
    failNext = "huge";
    const huge = await deploy();
    failNext = false;
    expect(huge.error.message).toBe("embeddings provider answered more than 8 MB for 1 inputs");
    expect((await deploy()).status).toBe("succeeded");
  });

  it("refuses settings that name properties the schema lacks", async () => {
    const r = await call("PATCH", "/api/v1/indexes/emb", {
      embeddings: { provider: "openai-compatible", baseUrl: "http://127.0.0.1:1/v1", model: "m", dimensions: 4, properties: ["year", "nope"] },
    });
    expect(r.status).toBe(400);
    expect(r.json.error.details).toHaveLength(2);
  });
});

describe("the SSRF guard on the provider URL (ALLOWED_IP_NETWORKS empty)", () => {
  const settings = (baseUrl: string) => ({ provider: "openai-compatible", baseUrl, model: "tiny-embed", dimensions: DIMS, properties: ["title"] });
  const spellings = () => [
    `http://127.0.0.1:${port}/v1`,
    `http://localhost:${port}/v1`,
    `http://[::1]:${port}/v1`,
    `http://2130706433:${port}/v1`,
    `http://[::ffff:127.0.0.1]:${port}/v1`,
  ];

  beforeAll(async () => {
    // The index "emb" keeps the loopback URL it was saved with, as after an operator narrows the env.
    server.env.ALLOWED_IP_NETWORKS = "";
    await server.crash();
    await server.restart();
  });

  it("refuses each loopback spelling at create and update with ssrf_refused, changing nothing", async () => {
    for (const [i, url] of spellings().entries()) {
      const r = await call("POST", "/api/v1/indexes", { id: `ssrf-${i}`, name: "x", schema: { title: "string" }, embeddings: settings(url) });
      expect(r.status, url).toBe(400);
      expect(r.json.error).toMatchObject({ code: "ssrf_refused", details: { path: "embeddings.baseUrl", url } });
      expect((await call("GET", `/api/v1/indexes/ssrf-${i}`)).status).toBe(404);
      const p = await call("PATCH", "/api/v1/indexes/emb", { embeddings: settings(`${url}/other`) });
      expect(p.status, url).toBe(400);
      expect(p.json.error.code).toBe("ssrf_refused");
    }
    expect((await call("GET", "/api/v1/indexes/emb")).json.embeddings.baseUrl).toBe(`http://127.0.0.1:${port}/v1`);
    // Renaming an index whose URL the env now refuses still works: only a new URL is checked.
    expect((await call("PATCH", "/api/v1/indexes/emb", { name: "renamed" })).status).toBe(200);
  });

  it("refuses a URL that got in before at deploy and at search, with the reason, sending nothing", async () => {
    const before = seen.length;
    await call("POST", "/api/v1/webhooks/emb/notify", { upsert: [{ id: "tram", title: "The tram", body: "runs on rails" }] });
    const failed = await deploy();
    expect(failed.status).toBe("failed");
    expect(failed.error.message).toMatch(/^embeddings provider refused by the SSRF guard: Refused 127\.0\.0\.1: 127\.0\.0\.1 is in 127\.0\.0\.0\/8 \(loopback\)/);
    const search = await call("POST", "/api/v1/indexes/emb/search", { mode: "vector", term: "pet", similarity: 0.1 });
    expect(search.status).toBe(502);
    expect(search.json.error).toMatchObject({ code: "embeddings_unavailable" });
    expect(search.json.error.message).toContain("refused by the SSRF guard");
    expect(seen.length).toBe(before);
  });
});
