// Pause and resume in one click: from the list row, from the detail header and from the paused banner
// (which shows what waits); Edit opened on the detail page comes back to the detail page.
import { expect, test } from "@playwright/test";

const made: string[] = [];
test.afterAll(async ({ request }) => {
  // The instance is shared with the other specs (20 hooks at most): leave none behind.
  for (const uuid of made) await request.delete(`/api/v1/hooks/${uuid}`);
});

test("pause from the row, see the backlog, resume from the banner, pause/resume and edit on the detail page", async ({ page, request }) => {
  const id = `paused-${Date.now().toString(36)}`;
  expect((await request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
  const bin = await (await request.post("/api/v1/inspect")).json();
  const res = await request.post("/api/v1/hooks", { data: { kind: "changes", url: bin.url, filters: { indexes: [id], properties: "all", operations: "all" } } });
  expect(res.status()).toBe(201);
  const hook = await res.json();
  made.push(hook.uuid);

  await page.goto("/hooks");
  const row = page.getByTestId("hook-row").filter({ hasText: bin.url });
  await expect(row.getByTestId("hook-status")).toHaveText("Active");
  await row.getByRole("button", { name: /^Pause / }).click();
  await expect(row.getByTestId("hook-status")).toHaveText("Paused");
  await expect(row.getByRole("button", { name: /^Resume / })).toBeVisible();
  expect((await (await request.get(`/api/v1/hooks/${hook.uuid}`)).json()).paused).toBe(true);

  // A deploy while paused is kept: the detail page's banner says so, with what waits.
  expect((await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: "kept", title: "kept" }] } })).status()).toBe(202);
  expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
  await page.goto(`/hooks/${hook.uuid}`);
  const banner = page.getByTestId("hook-paused-banner");
  await expect(async () => {
    await page.reload();
    await expect(banner.getByTestId("hook-backlog")).toHaveText("Backlog: 1 event waiting", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(banner).toContainText("Paused by hand");
  await expect(page.getByTestId("hook-status")).toHaveText("Paused");

  // Resume from the banner: the banner goes, the kept change is delivered.
  await banner.getByRole("button", { name: /^Resume / }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("hook-status")).not.toHaveText("Paused");
  await expect(async () => {
    const captured = (await (await request.get(`/api/v1/inspect/${bin.binId}/requests`)).json()).results;
    expect(captured.length).toBeGreaterThan(0);
    expect((await (await request.get(`/api/v1/hooks/${hook.uuid}`)).json()).backlog).toEqual({ events: 0, deliveries: 0 });
  }).toPass({ timeout: 30_000 });

  // The detail header pauses and resumes too.
  await page.getByRole("button", { name: /^Pause / }).click();
  await expect(page.getByTestId("hook-status")).toHaveText("Paused");
  await expect(banner).toContainText("Paused by hand");
  await expect(banner.getByTestId("hook-backlog")).toHaveText("Backlog: nothing waiting yet");
  // Two Resume buttons now (header and banner); the header one resumes.
  await page.getByRole("button", { name: /^Resume / }).first().click();
  await expect(page.getByTestId("hook-status")).toHaveText("Active");
  expect((await (await request.get(`/api/v1/hooks/${hook.uuid}`)).json()).paused).toBe(false);

  // Edit from the detail page: Cancel and Save both come back here, not to the list.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const sheet = page.getByRole("dialog", { name: "Edit webhook" });
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/hooks/${hook.uuid}$`));
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await sheet.getByLabel("Rate limit").fill("3");
  await sheet.getByRole("button", { name: "Save changes" }).click();
  await expect(sheet).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/hooks/${hook.uuid}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(bin.url);
  await expect(page.getByTestId("hook-rate-limit")).toHaveText("≤ 3 req/s");
});
