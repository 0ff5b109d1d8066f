// GET /api/v1/tasks honours every Meilisearch filter on real tasks: dates (RFC 3339 or a bare day,
// exclusive bounds), batchUids, canceledBy, `*`, reverse with paging; unknown parameters and bad values
// answer 400 with Meilisearch's codes in our envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { sql } from "drizzle-orm";
import { api, settle, startServer, type TestServer } from "../testing/server";

let server: TestServer;
let call: ReturnType<typeof api>;
type T = { uid: number; batchUid: number | null; indexUid: string; type: string; status: string; enqueuedAt: string; startedAt: string | null; finishedAt: string | null };
let all: T[] = [];
const IX = "tf-a";
const pause = (ms = 30) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startServer();
  call = api(server);
  for (const id of [IX, "tf-b"]) expect((await call("POST", "/api/v1/indexes", { id, name: id, schema: { title: "string" } })).status).toBe(201);
  // Five tasks on IX, spaced so every timestamp differs: notify, deploy (applies it), notify, deploy, notify.
  for (let i = 0; i < 2; i++) {
    expect((await call("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: `d${i}`, title: "x" }] })).status).toBe(202);
    await pause();
    await settle(call, (await call("POST", `/api/v1/webhooks/${IX}/deploy`)).json.taskUid);
    await pause();
  }
  expect((await call("POST", `/api/v1/webhooks/${IX}/notify`, { upsert: [{ id: "last", title: "x" }] })).status).toBe(202);
  expect((await call("POST", "/api/v1/webhooks/tf-b/notify", { upsert: [{ id: "b", title: "x" }] })).status).toBe(202);
  all = (await call("GET", `/api/v1/tasks?indexUids=${IX}&limit=100`)).json.results;
}, 300_000);
afterAll(async () => server?.stop());

const uids = async (qs: string) => {
  const r = await call("GET", `/api/v1/tasks?indexUids=${IX}&limit=100&${qs}`);
  expect(r.status, r.text).toBe(200);
  return r.json.results.map((t: T) => t.uid) as number[];
};
const uidsWhere = (f: (t: T) => boolean) => all.filter(f).map((t) => t.uid);

describe("date filters", () => {
  it("has the tasks it needs", () => {
    expect(all.map((t) => t.type)).toEqual(["notify", "deploy", "notify", "deploy", "notify"]);
    expect(new Set(all.map((t) => t.enqueuedAt)).size).toBe(5);
  });

  it.each(["Enqueued", "Started", "Finished"] as const)("%sAt: exclusive bounds at the shown millisecond, any offset", async (which) => {
    const key = `${which.toLowerCase()}At` as "enqueuedAt" | "startedAt" | "finishedAt";
    const dated = all.filter((t) => t[key]);
    const pivot = dated[Math.floor(dated.length / 2)][key]!;
    const at = Date.parse(pivot);
    expect(await uids(`after${which}At=${pivot}`)).toEqual(uidsWhere((t) => !!t[key] && Date.parse(t[key]!) > at));
    expect(await uids(`before${which}At=${pivot}`)).toEqual(uidsWhere((t) => !!t[key] && Date.parse(t[key]!) < at));
    expect(await uids(`after${which}At=${pivot}&before${which}At=${pivot}`)).toEqual([]);
    // The same instant written at +02:00, and one millisecond earlier, which takes the pivot in.
    const plus2 = new Date(at + 2 * 3600_000).toISOString().replace("Z", "+02:00");
    expect(await uids(`after${which}At=${encodeURIComponent(plus2)}`)).toEqual(uidsWhere((t) => !!t[key] && Date.parse(t[key]!) > at));
    const justBefore = new Date(at - 1).toISOString();
    expect(await uids(`after${which}At=${justBefore}`)).toEqual(uidsWhere((t) => !!t[key] && Date.parse(t[key]!) >= at));
    // Microseconds are kept: .xxx5 is after the shown millisecond, so the pivot is before it.
    expect(await uids(`before${which}At=${pivot.replace("Z", "5Z")}`)).toEqual(uidsWhere((t) => !!t[key] && Date.parse(t[key]!) <= at));
    expect(await uids(`after${which}At=*&before${which}At=*`)).toEqual(all.map((t) => t.uid));
  });

  it("a bare day: before = that midnight, after = the next midnight (UTC)", async () => {
    const day = all[0].enqueuedAt.slice(0, 10);
    const shift = (n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const sameDay = all.every((t) => t.enqueuedAt.startsWith(day));
    expect(await uids(`afterEnqueuedAt=${shift(-1)}`)).toEqual(all.map((t) => t.uid));
    expect(await uids(`beforeEnqueuedAt=${shift(1)}`)).toEqual(all.map((t) => t.uid));
    if (sameDay) {
      expect(await uids(`afterEnqueuedAt=${day}`)).toEqual([]);
      expect(await uids(`beforeEnqueuedAt=${day}`)).toEqual([]);
    }
  });
});

describe("list filters", () => {
  it("batchUids: the tasks a deploy applied", async () => {
    const deploys = all.filter((t) => t.type === "deploy");
    for (const d of deploys) {
      const got = await uids(`batchUids=${d.uid}`);
      expect(got).toEqual(uidsWhere((t) => t.batchUid === d.uid));
      expect(got.length).toBeGreaterThan(0);
    }
    expect(await uids(`batchUids=${deploys.map((d) => d.uid).join(",")}`)).toEqual(uidsWhere((t) => t.batchUid !== null));
    expect(await uids("batchUids=*")).toEqual(all.map((t) => t.uid));
    expect(await uids("batchUids=999999")).toEqual([]);
  });

  it("canceledBy: the tasks a task canceled (none cancel others here; * is all)", async () => {
    expect(await uids(`canceledBy=${all[0].uid}`)).toEqual([]);
    expect(await uids("canceledBy=*")).toEqual(all.map((t) => t.uid));
    if (server.databaseUrl) {
      // No route cancels by another task yet: mark one as Meilisearch's taskCancelation would.
      const h = await openDb({ url: server.databaseUrl, max: 1 });
      await h.db.execute(sql`update tasks set canceled_by = ${all[1].uid} where uid = ${all[0].uid}`);
      await h.close();
      expect(await uids(`canceledBy=${all[1].uid},12345`)).toEqual([all[0].uid]);
    }
  });

  it("combines with AND, as Meilisearch does", async () => {
    const r = await call("GET", `/api/v1/tasks?indexUids=${IX},tf-b&types=notify&statuses=enqueued,*`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.results.every((t: T) => t.type === "notify")).toBe(true);
    expect(new Set(r.json.results.map((t: T) => t.indexUid))).toEqual(new Set([IX, "tf-b"]));
  });
});

describe("order and paging", () => {
  it("newest first by default; reverse=true is oldest first; from starts there in either direction", async () => {
    const desc = all.map((t) => t.uid);
    const asc = [...desc].reverse();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(await uids("reverse=true")).toEqual(asc);
    expect(await uids("reverse=false")).toEqual(desc);
    expect(await uids(`reverse=true&from=${asc[2]}`)).toEqual(asc.slice(2));
    expect(await uids(`from=${asc[2]}`)).toEqual(desc.slice(desc.indexOf(asc[2])));
  });

  it.each([true, false])("pages with next (reverse=%s) through every task once, total unchanged", async (reverse) => {
    const seen: number[] = [];
    let from: number | null = null;
    for (let i = 0; i < 10; i++) {
      const r = await call("GET", `/api/v1/tasks?indexUids=${IX}&limit=2&reverse=${reverse}${from === null ? "" : `&from=${from}`}`);
      expect(r.status, r.text).toBe(200);
      expect(r.json).toMatchObject({ total: all.length, limit: 2 });
      expect(r.json.from).toBe(r.json.results[0]?.uid ?? null);
      seen.push(...r.json.results.map((t: T) => t.uid));
      from = r.json.next;
      if (from === null) break;
    }
    const desc = all.map((t) => t.uid);
    expect(seen).toEqual(reverse ? [...desc].reverse() : desc);
  });
});

describe("refusals", () => {
  it("an unknown parameter is 400 bad_request naming it, and changes nothing", async () => {
    for (const qs of ["foo=1", "indexUids=x&beforeEnqueued=2024-01-01", "uid=1"]) {
      const r = await call("GET", `/api/v1/tasks?${qs}`);
      expect(r.status, r.text).toBe(400);
      expect(r.json.error.code).toBe("bad_request");
      const name = qs.split("&").at(-1)!.split("=")[0];
      expect(r.json.error.message).toContain(`\`${name}\``);
      expect(r.json.error.details.parameters).toEqual([name]);
      expect(r.json.error.details.expected).toContain("beforeEnqueuedAt");
    }
  });

  it.each([
    ["uids=doggo", "invalid_task_uids"],
    ["uids=-1", "invalid_task_uids"],
    ["batchUids=x", "invalid_batch_uids"],
    ["canceledBy=1.5", "invalid_task_canceled_by"],
    ["statuses=done", "invalid_task_statuses"],
    ["types=nope", "invalid_task_types"],
    ["limit=0", "invalid_task_limit"],
    ["from=abc", "invalid_task_from"],
    ["reverse=yes", "invalid_task_reverse"],
    ["beforeEnqueuedAt=yesterday", "invalid_task_before_enqueued_at"],
    ["afterEnqueuedAt=2024-02-30", "invalid_task_after_enqueued_at"],
    ["beforeStartedAt=2024-13-01", "invalid_task_before_started_at"],
    ["afterStartedAt=2024-01-01T25:00:00Z", "invalid_task_after_started_at"],
    ["beforeFinishedAt=2024-01-01T10:00:00", "invalid_task_before_finished_at"],
    ["afterFinishedAt=0000-01-01", "invalid_task_after_finished_at"],
  ])("%s → 400 %s", async (qs, code) => {
    const r = await call("GET", `/api/v1/tasks?${qs}`);
    expect(r.status, r.text).toBe(400);
    expect(r.json.error.code).toBe(code);
    expect(r.json.error.message).toContain(`\`${qs.split("=")[0]}\``);
    expect(Array.isArray(r.json.error.details)).toBe(true);
  });

  it("an extreme but valid date is no 5xx", async () => {
    for (const qs of ["afterEnqueuedAt=9999-12-31", "beforeEnqueuedAt=0001-01-01", "afterFinishedAt=0001-01-01T00:00:00%2B23:59", "beforeStartedAt=9999-12-31T23:59:59.9999-23:59"]) {
      expect((await call("GET", `/api/v1/tasks?${qs}`)).status, qs).toBe(200);
    }
  });
});
