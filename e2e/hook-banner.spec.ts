// The Webhooks list as a user meets an auto-paused hook (issue 16): a banner names it, says why in words,
// shows its backlog and resumes it in one click; a young hook's Metrics tab opens on 1 h (twelve 5-min
// bars), not 24 h (one bar).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startReceiver, type Receiver } from "../lib/testing/receiver";

const made: string[] = [];
const receivers: Receiver[] = [];
const indexes: string[] = [];
test.afterAll(async ({ request }) => {
  // The instance is shared with the other specs (20 hooks at most): leave none behind.
  for (const uuid of made) await request.delete(`/api/v1/hooks/${uuid}`);
  for (const id of indexes) await request.delete(`/api/v1/indexes/${id}`);
  await Promise.all(receivers.map((r) => r.close()));
});

async function deployDoc(request: APIRequestContext, id: string, doc: string) {
  expect((await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: doc, title: doc }] } })).status()).toBe(202);
  expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
}

test("an auto-paused hook gets a banner on the list, with its reason, backlog and Resume", async ({ page, request }) => {
  const id = `banner-${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
  indexes.push(id);
  // 410 Gone once (the engine pauses the hook), then 204 for whatever follows the resume.
  const rx = await startReceiver((_q, i) => (i === 1 ? { status: 410 } : { status: 204 }));
  receivers.push(rx);
  const r = await request.post("/api/v1/hooks", { data: { url: `${rx.url}/gone-once`, filters: { indexes: [id] } } });
  expect(r.status(), await r.text()).toBe(201);
  const hook = (await r.json()) as { uuid: string; url: string };
  made.push(hook.uuid);
  await deployDoc(request, id, "first");
  await expect.poll(async () => (await (await request.get(`/api/v1/hooks/${hook.uuid}`)).json()).status, { timeout: 30_000 }).toBe("auto-paused");
  // While paused, more changes wait for it.
  await deployDoc(request, id, "second");

  await page.goto("/hooks");
  const banner = page.getByRole("alert", { name: "Auto-paused webhooks" });
  const item = banner.getByTestId("auto-paused-hook").filter({ hasText: hook.url });
  await expect(item).toContainText("the receiver answered 410 Gone");
  await expect(async () => {
    await page.reload();
    await expect(item.getByTestId("auto-paused-backlog")).toContainText(/Backlog: \d+ events?/, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(item.getByRole("link", { name: hook.url })).toHaveAttribute("href", `/hooks/${hook.uuid}`);
  await expect(item.getByRole("link", { name: "Send test" })).toHaveAttribute("href", `/hooks/${hook.uuid}?tab=testing`);

  await item.getByRole("button", { name: "Resume" }).click();
  await expect(item).toHaveCount(0);
  // What waited is delivered after the resume.
  await rx.waitFor(2);
  await expect.poll(async () => (await (await request.get(`/api/v1/hooks/${hook.uuid}`)).json()).status, { timeout: 30_000 }).toBe("active");
});

test("a hook younger than a day opens its metrics on 1 h, with more than one bar", async ({ page, request }) => {
  const bin = await (await request.post("/api/v1/inspect")).json();
  const r = await request.post("/api/v1/hooks", { data: { url: bin.url, filters: { indexes: ["none-yet"] } } });
  expect(r.status()).toBe(201);
  const { uuid } = (await r.json()) as { uuid: string };
  made.push(uuid);
  await page.goto(`/hooks/${uuid}?tab=metrics`);
  await expect(page.getByRole("tab", { name: "1 h" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("Each bar is 5 min of attempts")).toBeVisible();
  await expect(page.getByText(/Latency counts only attempts that left this machine/)).toBeVisible();
  // The URL still wins.
  await page.goto(`/hooks/${uuid}?tab=metrics&window=24h`);
  await expect(page.getByRole("tab", { name: "24 h" })).toHaveAttribute("aria-selected", "true");
});
