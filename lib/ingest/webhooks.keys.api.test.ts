// The key matrix on every inbound webhook and on the index/task management routes, and the SDK
// driven with a real private key (ingest + deploy) as a customer would.
import { CloudManager } from "@oramacloud/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKeyMatrix } from "../testing/key-matrix";
import { api, startServer, type TestServer } from "../testing/server";

let server: TestServer;
const INDEX = "matrix";
beforeAll(async () => {
  server = await startServer();
  const r = await api(server)("POST", "/api/v1/indexes", { id: INDEX, name: "Matrix", schema: { title: "string" } });
  expect(r.status).toBe(201);
});
afterAll(async () => server?.stop());
const get = () => server;

const hook = (op: string) => `/api/v1/webhooks/${INDEX}/${op}`;
describeKeyMatrix(get, { method: "POST", path: hook("snapshot"), body: [{ id: "1", title: "a" }], action: "ingest", indexId: INDEX, okStatus: 202 });
describeKeyMatrix(get, { method: "POST", path: hook("notify"), body: { upsert: [{ id: "1" }] }, action: "ingest", indexId: INDEX, okStatus: 202 });
describeKeyMatrix(get, { method: "POST", path: hook("deploy"), action: "deploy", indexId: INDEX, okStatus: 202 });
describeKeyMatrix(get, { method: "POST", path: hook("has-data"), action: "ingest", indexId: INDEX, okStatus: 200 });
describeKeyMatrix(get, { method: "POST", path: hook("update-schema"), body: { schema: { title: "string" } }, action: "ingest", indexId: INDEX, okStatus: 202 });
describeKeyMatrix(get, { method: "POST", path: "/api/v1/indexes", body: { name: "x", schema: { a: "string" } }, action: "admin", okStatus: 201 });
describeKeyMatrix(get, { method: "PATCH", path: `/api/v1/indexes/${INDEX}`, body: { name: "Renamed" }, action: "admin", indexId: INDEX, okStatus: 200 });

describe("the SDK with a private key", () => {
  it("ingests and deploys; the same key cannot manage indexes or keys", async () => {
    const made = await api(server)("POST", "/api/v1/keys", { name: "backend", actions: ["ingest", "deploy"], indexes: [INDEX] });
    expect(made.status).toBe(201);
    const key: string = made.json.key;
    expect(key).toMatch(/^ihk_prv_/);
    const index = new CloudManager({ api_key: key, baseURL: `${server.url}/api/v1` }).index(INDEX);
    expect(await index.insert([{ id: "sdk-1", title: "from the SDK" }])).toBe(true);
    expect(await index.hasPendingOperations()).toBe(true);
    expect(await index.deploy()).toBe(true);
    const asKey = api(server, key);
    expect((await asKey("POST", "/api/v1/indexes", { name: "nope", schema: {} })).status).toBe(403);
    expect((await asKey("GET", "/api/v1/keys")).status).toBe(403);
    // Another index is out of this key's scope.
    expect((await asKey("POST", "/api/v1/webhooks/other/notify", { upsert: [] })).status).toBe(403);
  });
});
