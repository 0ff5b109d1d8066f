// Outbound deliveries end to end: a real server, real deploys, a real receiver on loopback. Payload
// shapes, Standard Webhooks signatures, headers, filters, pause/resume coalescing and ordering.
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { DELIVERY_ENV, serverSuite } from "../testing/fixture";
import type { Receiver } from "../testing/receiver";
import { until, WAIT_MS } from "../testing/wait";

const { call, hooks, newIndex, receiver, deploy, notify } = serverSuite(DELIVERY_ENV, { prefix: "dl", schema: { title: "string", year: "number" } });
const changesOf = (r: Receiver) => r.requests.map((q) => JSON.parse(q.body).changes);
const quiet = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe("changes hooks", () => {
  it("POSTs the Dexie changes shape, signed, with the token and custom headers, never the secret", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const hook = await hooks.create({ url: `${rx.url}/in`, headers: { "X-Custom": "yes" }, filters: { indexes: [id] } });
    await notify(id, { upsert: [{ id: "a", title: "Alien", year: 1979 }, { id: "b", title: "Heat", year: 1995 }] });
    await deploy(id);
    await rx.waitFor(1);
    await notify(id, { update: [{ id: "a", title: "Aliens" }], remove: ["b"] });
    await deploy(id);
    await rx.waitFor(2);
    expect(changesOf(rx)).toEqual([
      [
        { type: "upsert", table: id, key: "a", value: { id: "a", title: "Alien", year: 1979 } },
        { type: "upsert", table: id, key: "b", value: { id: "b", title: "Heat", year: 1995 } },
      ],
      [
        { type: "update", table: id, key: "a", updates: { title: "Aliens" } },
        { type: "delete", table: id, key: "b" },
      ],
    ]);
    for (const q of rx.requests) {
      expect(q.method).toBe("POST");
      expect(q.path).toBe("/in");
      expect(q.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Indexhook-Webhooks/1", "x-indexhook-token": hook.token, "x-custom": "yes" });
      expect(q.headers["webhook-id"]).toMatch(/^msg_/);
      expect(q.headers["webhook-signature"]).toMatch(/^v1,/);
      expect(() => new Webhook(hook.secret).verify(q.body, q.headers)).not.toThrow();
      const raw = hook.secret.replace(/^whsec_/, "");
      for (const v of Object.values(q.headers)) expect(v.includes(raw)).toBe(false);
    }
    expect(new Set(rx.requests.map((q) => q.headers["webhook-id"])).size).toBe(2);
    // The hook reports its last delivery on reads.
    await expect
      .poll(async () => (await call("GET", `/api/v1/hooks/${hook.uuid}`)).json.lastDelivery?.status, { timeout: WAIT_MS })
      .toBe("succeeded");
    const listed = (await call("GET", "/api/v1/hooks")).json.results.find((h: { uuid: string }) => h.uuid === hook.uuid);
    expect(listed.lastDelivery.statusCode).toBe(204); // what the test receiver answers
  });

  it("filters by index, operation and property", async () => {
    const [a, b] = [await newIndex(), await newIndex()];
    const rxIdx = await receiver();
    const rxOps = await receiver();
    const rxProps = await receiver();
    await hooks.create({ url: rxIdx.url, filters: { indexes: [b] } });
    await hooks.create({ url: rxOps.url, filters: { indexes: [a, b], operations: ["delete"] } });
    await hooks.create({ url: rxProps.url, filters: { indexes: [a], properties: ["title"] } });
    // Each deploy's change reaches the title watcher before the next deploy: otherwise a busy engine
    // could coalesce two deploys into one request (upsert 2 + update 2 → one upsert), which is right
    // but not what this test reads.
    await notify(a, { upsert: [{ id: "1", title: "One", year: 1 }, { id: "2", title: "Two", year: 2 }] });
    await deploy(a);
    await rxProps.waitFor(1);
    await notify(a, { update: [{ id: "1", year: 11 }, { id: "2", title: "Deux" }], remove: [] });
    await deploy(a);
    await rxProps.waitFor(2);
    await notify(a, { remove: ["1"] });
    await deploy(a);
    await notify(b, { upsert: [{ id: "x", title: "X", year: 0 }] });
    await deploy(b);
    await rxIdx.waitFor(1);
    await rxOps.waitFor(1);
    await rxProps.waitFor(3);
    await quiet();
    expect(changesOf(rxIdx).flat()).toEqual([{ type: "upsert", table: b, key: "x", value: { id: "x", title: "X", year: 0 } }]);
    expect(changesOf(rxOps).flat()).toEqual([{ type: "delete", table: a, key: "1" }]);
    // The year-only update of "1" is not for a title watcher; upserts and deletes always are.
    expect(changesOf(rxProps).flat().map((c: { type: string; key: string }) => `${c.type}:${c.key}`)).toEqual(["upsert:1", "upsert:2", "update:2", "delete:1"]);
  });

  it("sends nothing while paused, then the kept changes coalesced to their last state", async () => {
    const id = await newIndex();
    const rx = await receiver();
    const hook = await hooks.create({ url: rx.url, filters: { indexes: [id] }, paused: true });
    await notify(id, { upsert: [{ id: "a", title: "A", year: 1 }, { id: "b", title: "B", year: 2 }, { id: "c", title: "C", year: 3 }] });
    await deploy(id);
    await notify(id, { update: [{ id: "a", year: 10 }], remove: ["b"] });
    await deploy(id);
    await notify(id, { update: [{ id: "c", title: "C3" }] });
    await deploy(id);
    await quiet(800);
    expect(rx.requests).toHaveLength(0);
    await hooks.pause(hook.uuid, false);
    await rx.waitFor(1);
    await quiet();
    expect(changesOf(rx)).toEqual([
      [
        { type: "upsert", table: id, key: "a", value: { id: "a", title: "A", year: 10 } },
        { type: "delete", table: id, key: "b" },
        { type: "upsert", table: id, key: "c", value: { id: "c", title: "C3", year: 3 } },
      ],
    ]);
  });

  it("keeps order per hook across deploys while the receiver is slow", async () => {
    const id = await newIndex();
    const rx = await receiver(async () => (await new Promise((r) => setTimeout(r, 60)), { status: 200 }));
    await hooks.create({ url: rx.url, filters: { indexes: [id] } });
    for (let v = 1; v <= 6; v++) {
      await notify(id, { upsert: [{ id: "k", title: `v${v}`, year: v }, { id: `only-${v}`, title: "x", year: v }] });
      await deploy(id);
    }
    await rx.waitFor(1);
    await until(() => changesOf(rx).flat().some((c: { key: string }) => c.key === "only-6"), { what: "the last deploy's change arrived" });
    const seen = changesOf(rx).flat();
    const versions = seen.filter((c: { key: string }) => c.key === "k").map((c: { value: { year: number } }) => c.value.year);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(versions.at(-1)).toBe(6);
    const only = seen.filter((c: { key: string }) => c.key.startsWith("only-")).map((c: { key: string }) => c.key);
    expect(only).toEqual(["only-1", "only-2", "only-3", "only-4", "only-5", "only-6"]);
  });
});
