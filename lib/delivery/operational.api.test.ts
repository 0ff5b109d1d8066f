// Operational events end to end: `operational` hooks receive signed JSON events about the other hooks
// (failing, recovered, disabled by a 410, a delivery given up) at a real receiver on loopback, one
// event per POST, never an event about themselves.
import { beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { DELIVERY_ENV, serverSuite } from "../testing/fixture";
import type { Receiver } from "../testing/receiver";
import { until } from "../testing/wait";

const { call, newIndex, receiver, createHook, change } = serverSuite(DELIVERY_ENV, { prefix: "op" });

type OpEvent = { type: string; hookUuid: string; reason: string; at: string };
const eventsOf = (rx: Receiver): OpEvent[] => rx.requests.map((q) => JSON.parse(q.body));
const about = (rx: Receiver, uuid: string) => eventsOf(rx).filter((e) => e.hookUuid === uuid);
describe("operational hooks", () => {
  let ops: Receiver;
  let opHook: { uuid: string; secret: string };
  beforeAll(async () => {
    ops = await receiver();
    opHook = await createHook({ kind: "operational", url: `${ops.url}/ops` });
    pollHook = await createHook({ kind: "operational", mode: "poll" });
  });
  let pollHook: { uuid: string };

  it("are created with kind operational and read back so; reads list them with a backlog", async () => {
    const h = await call("GET", `/api/v1/hooks/${opHook.uuid}`);
    expect(h.json).toMatchObject({ kind: "operational", backlog: { events: 0, deliveries: 0 } });
    expect((await call("POST", "/api/v1/hooks", { kind: "audit", url: ops.url })).status).toBe(400);
  });

  it("the OpenAPI document names the operational kind, rateLimit and the backlog", async () => {
    const doc = (await call("GET", "/api/v1/openapi.json")).json;
    const schemas = doc.components.schemas;
    expect(schemas.Hook.properties.kind.enum).toEqual(["changes", "tasks", "operational"]);
    expect(schemas.Hook.properties).toHaveProperty("rateLimit");
    expect(schemas.Hook.properties).toHaveProperty("backlog");
    expect(schemas.CreateHookRequest.properties).toHaveProperty("rateLimit");
    expect(schemas.UpdateHookRequest.properties).toHaveProperty("rateLimit");
    expect(schemas.CreateHookRequest.properties.kind.enum).toContain("operational");
  });

  it("hook.failing on the first failure after a success, hook.recovered on the first success after failures: signed, one per POST", async () => {
    const id = await newIndex();
    // Succeeds, fails three times (retried ~10 ms apart), then succeeds again.
    const rx = await receiver((_q, i) => ({ status: i >= 2 && i <= 4 ? 503 : 200 }));
    const h = await createHook({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "one");
    await rx.waitFor(1);
    await change(id, "two");
    await rx.waitFor(5);
    await until(() => about(ops, h.uuid).some((e) => e.type === "hook.recovered"));
    const mine = about(ops, h.uuid);
    // Three failures in a row make one hook.failing, not three.
    expect(mine.map((e) => e.type)).toEqual(["hook.failing", "hook.recovered"]);
    expect(mine[0].reason).toBe("HTTP 503");
    expect(mine[1].reason).toMatch(/^HTTP 200 after failing since /);
    for (const e of mine) {
      expect(Object.keys(e).sort()).toEqual(["at", "hookUuid", "reason", "type"]);
      expect(new Date(e.at).toISOString()).toBe(e.at);
    }
    for (const q of ops.requests) {
      expect(q.path).toBe("/ops");
      expect(q.headers["content-type"]).toBe("application/json");
      expect(() => new Webhook(opHook.secret).verify(q.body, q.headers)).not.toThrow();
    }
    // The operational hook's delivery log names each event's type.
    const log = (await call("GET", `/api/v1/hooks/${opHook.uuid}/deliveries`)).json.results as { event: string; status: string }[];
    expect(log.map((d) => d.event)).toEqual(expect.arrayContaining(["hook.failing", "hook.recovered"]));
  });

  it("hook.disabled when a 410 stops a hook, with the reason", async () => {
    const id = await newIndex();
    const rx = await receiver(() => ({ status: 410 }));
    const h = await createHook({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "gone");
    await until(() => about(ops, h.uuid).some((e) => e.type === "hook.disabled"));
    const mine = about(ops, h.uuid);
    expect(mine.map((e) => e.type)).toEqual(["hook.failing", "hook.disabled"]);
    expect(mine[1].reason).toBe("gone: 410");
    expect((await call("GET", `/api/v1/hooks/${h.uuid}`)).json).toMatchObject({ status: "auto-paused", pausedReason: "gone: 410" });
  });

  it("delivery.exhausted when a delivery runs out of attempts (a test send has one)", async () => {
    const rx = await receiver(() => ({ status: 500 }));
    const h = await createHook({ url: rx.url });
    const sent = await call("POST", `/api/v1/hooks/${h.uuid}/test`);
    expect(sent.json.status).toBe("dead");
    await until(() => about(ops, h.uuid).some((e) => e.type === "delivery.exhausted"));
    const [e] = about(ops, h.uuid);
    expect(e.type).toBe("delivery.exhausted");
    expect(e.reason).toContain(sent.json.id);
    expect(e.reason).toContain("HTTP 500");
  });

  it("never receives events about itself; another operational hook does; nothing is lost while it fails", async () => {
    const id = await newIndex();
    // A second operational hook whose receiver fails twice before it accepts.
    const selfRx = await receiver((_q, i) => ({ status: i <= 2 ? 500 : 200 }));
    const self = await createHook({ kind: "operational", url: selfRx.url });
    const before = ops.requests.length;
    // Something for both operational hooks to report: a hook failing once, then recovering.
    const rx = await receiver((_q, i) => ({ status: i === 1 ? 500 : 200 }));
    const h = await createHook({ url: rx.url, filters: { indexes: [id] } });
    await change(id, "x");
    await until(() => about(selfRx, h.uuid).some((e) => e.type === "hook.recovered"));
    await until(() => about(ops, self.uuid).some((e) => e.type === "hook.recovered"));
    // The first operational hook heard the second one fail and recover…
    expect(about(ops, self.uuid).map((e) => e.type)).toEqual(["hook.failing", "hook.recovered"]);
    expect(eventsOf(ops).slice(before).length).toBeGreaterThanOrEqual(4);
    // …while the second got (in the end, in order) the events about the others, never about itself.
    const accepted = selfRx.requests.filter((_q, i) => i >= 2).map((q) => JSON.parse(q.body) as OpEvent);
    expect(eventsOf(selfRx).some((e) => e.hookUuid === self.uuid)).toBe(false);
    expect(accepted.filter((e) => e.hookUuid === h.uuid).map((e) => e.type)).toEqual(["hook.failing", "hook.recovered"]);
    expect(eventsOf(ops).some((e) => e.hookUuid === opHook.uuid)).toBe(false);
  });

  it("a test send to an operational hook carries a sample event of the same shape", async () => {
    const rx = await receiver();
    const h = await createHook({ kind: "operational", url: rx.url });
    const sent = await call("POST", `/api/v1/hooks/${h.uuid}/test`);
    expect(sent.json.status).toBe("succeeded");
    const [e] = eventsOf(rx);
    expect(Object.keys(e).sort()).toEqual(["at", "hookUuid", "reason", "type"]);
    expect(e.type).toBe("hook.failing");
  });

  it("an operational poll hook pulls, in pages, the same events the push one received (ops_ cursors)", async () => {
    const pushed = eventsOf(ops).filter((e) => e.hookUuid !== pollHook.uuid);
    expect(pushed.length).toBeGreaterThanOrEqual(4);
    const pulled: OpEvent[] = [];
    let after = "";
    for (let pages = 0; pages < 100; pages++) {
      const r = await call("GET", `/api/v1/hooks/${pollHook.uuid}/events?limit=2${after}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json.next).toMatch(/^ops_\d+$/);
      pulled.push(...(r.json.data as OpEvent[]));
      after = `&after=${r.json.next}`;
      if (!r.json.hasMore) break;
    }
    // What the push hook got (it is never told about itself), in log order; the poll hook hears about the push one too.
    expect(pulled.filter((e) => e.hookUuid !== opHook.uuid).slice(0, pushed.length)).toEqual(pushed);
    expect(pulled.some((e) => e.hookUuid === pollHook.uuid)).toBe(false);
    expect((await call("GET", `/api/v1/hooks/${pollHook.uuid}/events?after=chg_1`)).status).toBe(400);
  });
});
