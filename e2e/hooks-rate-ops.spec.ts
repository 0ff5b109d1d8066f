// Rate limits and operational events through the dashboard: set a hook's rate limit in the form and
// see it with the backlog a paused hook keeps (list and detail); make an operational hook; the overview
// lists failing and disabled hooks, linking to each, while an operational hook receives the events.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startReceiver, type Receiver } from "../lib/testing/receiver";

const made: string[] = [];
const receivers: Receiver[] = [];
test.afterAll(async ({ request }) => {
  // The instance is shared with the other specs (20 hooks at most): leave none behind.
  for (const uuid of made) await request.delete(`/api/v1/hooks/${uuid}`);
  await Promise.all(receivers.map((r) => r.close()));
});

async function newIndex(request: APIRequestContext, prefix: string) {
  const id = `${prefix}-${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
  return id;
}
async function deployDoc(request: APIRequestContext, id: string, doc: string) {
  expect((await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: doc, title: doc }] } })).status()).toBe(202);
  expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
}

test("rate limit and backlog in the hook form, list and detail; an operational hook from the form", async ({ page, request }) => {
  const id = await newIndex(request, "rated");
  await page.goto("/hooks");
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  const urlField = sheet.getByLabel("URL");
  await expect(urlField).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  const hookUrl = await urlField.inputValue();
  await sheet.getByLabel("Rate limit").fill("2");
  await sheet.getByRole("switch", { name: "Paused" }).check();
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel("Rate limit")).toHaveValue("2");
  await edit.getByRole("button", { name: "Close" }).click();
  const row = page.getByTestId("hook-row").filter({ hasText: hookUrl });
  await expect(row).toContainText("Paused");
  await expect(row.getByTestId("hook-rate-limit")).toHaveText("≤ 2 req/s");
  const uuid = (await row.getByRole("link").getAttribute("href"))!.split("/").pop()!;
  made.push(uuid);

  // Paused, the hook keeps what happens: the backlog says so (after a reload or the next refresh).
  await deployDoc(request, id, "kept");
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("hook-backlog")).toHaveText("Backlog: 1 event waiting", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hookUrl);
  await expect(page.getByTestId("hook-backlog")).toHaveText("Backlog: 1 event waiting");
  await expect(page.getByTestId("hook-rate-limit")).toHaveText("≤ 2 req/s");

  // Unlimited again (empty field) and resumed: the kept change is delivered, the backlog empties.
  await page.goto("/hooks");
  await row.getByRole("button", { name: /^Edit/ }).click();
  await edit.getByLabel("Rate limit").fill("");
  await edit.getByRole("switch", { name: "Paused" }).uncheck();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Active");
  await expect(row.getByTestId("hook-rate-limit")).toHaveCount(0);
  expect((await (await request.get(`/api/v1/hooks/${uuid}`)).json()).rateLimit).toBeNull();
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("hook-backlog")).toHaveCount(0, { timeout: 1000 });
    await expect(row.getByTestId("last-delivery")).toContainText("delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // An operational hook: no filters to set, a word on what it receives.
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  await expect(urlField).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  const opsUrl = await urlField.inputValue();
  await expect(sheet.getByRole("group", { name: "Filters" })).toBeVisible();
  await sheet.getByLabel("Events").selectOption("operational");
  await expect(sheet.getByTestId("operational-hint")).toContainText("never about this hook itself");
  await expect(sheet.getByRole("group", { name: "Filters" })).toHaveCount(0);
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel("Events")).toHaveValue("operational");
  await edit.getByRole("button", { name: "Close" }).click();
  const opsRow = page.getByTestId("hook-row").filter({ hasText: opsUrl });
  await expect(opsRow).toContainText("operational");
  await expect(opsRow).toContainText("events about the other webhooks");
  made.push((await opsRow.getByRole("link").getAttribute("href"))!.split("/").pop()!);
});

test("the overview lists failing and disabled hooks with links; an operational hook hears about them", async ({ page, request }) => {
  const id = await newIndex(request, "troubled");
  const bin = await (await request.post("/api/v1/inspect")).json();
  const ops = await (await request.post("/api/v1/hooks", { data: { kind: "operational", url: bin.url } })).json();
  made.push(ops.uuid);
  const gone = await startReceiver(() => ({ status: 410 }));
  const broken = await startReceiver(() => ({ status: 503 }));
  receivers.push(gone, broken);
  const create = async (url: string) => {
    const r = await request.post("/api/v1/hooks", { data: { url, filters: { indexes: [id] } } });
    expect(r.status(), await r.text()).toBe(201);
    const h = await r.json();
    made.push(h.uuid);
    return h as { uuid: string; url: string };
  };
  const disabled = await create(`${gone.url}/gone`);
  const failing = await create(`${broken.url}/broken`);
  await deployDoc(request, id, "trouble");

  await page.goto("/overview");
  const card = page.getByRole("region", { name: "Webhooks needing attention" });
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId("troubled-hook").filter({ hasText: disabled.url })).toContainText("Auto-paused", { timeout: 1000 });
    await expect(card.getByTestId("troubled-hook").filter({ hasText: failing.url })).toContainText("Failing", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(card.getByTestId("troubled-hook").filter({ hasText: disabled.url })).toContainText("the receiver answered 410 Gone");

  // The operational hook received the events (its inspector tab shows the captured bodies).
  // Three events: the 410 hook failing then disabled, the 503 hook failing; one POST each.
  await page.goto(`/hooks/${ops.uuid}?tab=inspector`);
  const captured = page.getByRole("list", { name: "Captured requests" }).getByRole("button");
  // (Hooks of other specs on this shared instance may add events of their own: at least these three.)
  await expect.poll(() => captured.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const bodies: string[] = [];
  for (let i = 0; i < (await captured.count()); i++) {
    await captured.nth(i).click();
    const body = page.getByTestId("inspector-body");
    await expect(body).toContainText('"type"');
    bodies.push(((await body.textContent()) ?? "").replace(/\s+/g, ""));
  }
  const event = (type: string, uuid: string) => bodies.some((b) => b.includes(`"type":"${type}"`) && b.includes(`"hookUuid":"${uuid}"`));
  expect(event("hook.failing", disabled.uuid)).toBe(true);
  expect(event("hook.disabled", disabled.uuid)).toBe(true);
  expect(event("hook.failing", failing.uuid)).toBe(true);
  expect(bodies.some((b) => b.includes(`"reason":"gone:410"`))).toBe(true);

  // At phone width the list fits (long URLs wrap) and still links to each hook.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/overview");
  await expect(card.getByTestId("troubled-hook").filter({ hasText: disabled.url })).toBeVisible();
  // (The shell's header is measured by its own spec; this checks the card: nothing of it past the edge.)
  const box = await card.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(await card.evaluate((el) => [...el.querySelectorAll("*")].every((e) => e.getBoundingClientRect().right <= 390))).toBe(true);
  await card.getByRole("link", { name: disabled.url }).click();
  await expect(page).toHaveURL(new RegExp(`/hooks/${disabled.uuid}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(disabled.url);
  await expect(page.getByTestId("hook-status-reason")).toContainText("the receiver answered 410 Gone");
});
