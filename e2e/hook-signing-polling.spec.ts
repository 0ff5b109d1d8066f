// Issue 15 in the dashboard: an ed25519 hook (signature choice in the form, the public key shown and
// copyable on the detail, a test event whose v1a signature verifies with that key) and a poll hook
// (no URL field, the Events tab with the curl command and the events it pulls).
import { createPublicKey, verify } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";

const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const made: string[] = [];

/** Within a 390 px wide page, with nothing overflowing sideways (the shell's own header is not ours to check). */
async function fitsPhone(el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
}
const indexId = unique("polled");

// Leave the instance as found (other specs count indexes and hooks).
test.afterAll(async ({ request }) => {
  for (const uuid of made) await request.delete(`/api/v1/hooks/${uuid}`);
  await request.delete(`/api/v1/indexes/${indexId}`);
});

test("an ed25519 hook shows its public key, and its test event verifies with it", async ({ page, request }) => {
  await page.goto("/hooks");
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  await expect(sheet.getByLabel("URL")).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  const hookUrl = await sheet.getByLabel("URL").inputValue();
  await sheet.getByLabel("Signature").selectOption("ed25519");
  await sheet.getByRole("button", { name: "Create webhook" }).click();

  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await expect(edit.getByLabel("Public key", { exact: true })).toHaveText(/^whpk_[A-Za-z0-9+/]{43}=$/);
  await expect(edit.getByTestId("secret-value")).toHaveCount(0); // no secret to reveal: the private key stays on the server
  expect(await page.content()).not.toContain("whsk_");
  await edit.getByRole("button", { name: "Close" }).click();

  const row = page.getByTestId("hook-row").filter({ hasText: hookUrl });
  await row.getByRole("link").click();
  await expect(page.getByText("ed25519 (v1a)")).toBeVisible();
  const shown = (await page.getByLabel("Public key", { exact: true }).textContent())!;
  const uuid = page.url().split("/hooks/")[1].split("?")[0];
  made.push(uuid);
  expect((await (await request.get(`/api/v1/hooks/${uuid}`)).json()).publicKey).toBe(shown);
  await expect(page.getByRole("button", { name: "Copy public key" })).toBeVisible();

  await page.getByRole("tab", { name: "Testing" }).click();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-result")).toContainText("delivered");
  const bin = hookUrl.split("/inspect/")[1];
  const captured = (await (await request.get(`/api/v1/inspect/${bin}/requests`)).json()).results[0];
  expect(captured.headers["webhook-signature"]).toMatch(/^v1a,/);
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(shown.slice(5), "base64").toString("base64url") }, format: "jwk" });
  const msg = Buffer.from(`${captured.headers["webhook-id"]}.${captured.headers["webhook-timestamp"]}.${captured.body}`);
  expect(verify(null, msg, key, Buffer.from(captured.headers["webhook-signature"].slice(4), "base64"))).toBe(true);
  await page.getByRole("tab", { name: "Inspector" }).click();
  await expect(page.getByRole("tabpanel", { name: "Inspector" })).toContainText("v1a,");

  // At phone width the key still fits the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByLabel("Public key", { exact: true })).toBeVisible();
  await fitsPhone(page.getByTestId("public-key"));
});

test("a poll hook has no URL, and its Events tab shows the curl and the events it pulls", async ({ page }) => {
  await page.goto("/hooks");
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByLabel("Delivery").selectOption("poll");
  await expect(sheet.getByLabel("URL")).toHaveCount(0);
  await expect(sheet.getByTestId("poll-hint")).toContainText("/events");
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await expect(edit.getByLabel("Delivery")).toBeDisabled();
  await edit.getByRole("button", { name: "Close" }).click();

  const row = page.getByTestId("hook-row").filter({ hasText: "Poll hook" }).last();
  await expect(row).toContainText("poll");
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/hooks\/[0-9a-f-]{36}/);
  const uuid = page.url().split("/hooks/")[1].split("?")[0];
  made.push(uuid);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Poll hook ${uuid.slice(0, 8)}`);
  // A poll hook is never sent anything: only the Events tab.
  await expect(page.getByRole("tab", { name: "Testing" })).toHaveCount(0);
  const panel = page.getByRole("tabpanel", { name: "Events" });
  await expect(panel.getByLabel("Poll command")).toContainText(`/api/v1/hooks/${uuid}/events?limit=100&after=$CURSOR`);
  await expect(panel.getByTestId("poll-summary")).toContainText("0 events");

  // A deploy later, the tab (which polls the same endpoint) shows the change.
  expect((await page.request.post("/api/v1/indexes", { data: { id: indexId, name: indexId, schema: { title: "string" } } })).status()).toBe(201);
  expect((await page.request.post(`/api/v1/webhooks/${indexId}/notify`, { data: { upsert: [{ id: "p1", title: "Pulled" }] } })).ok()).toBeTruthy();
  expect((await page.request.post(`/api/v1/webhooks/${indexId}/deploy`)).ok()).toBeTruthy();
  await expect(panel.getByTestId("poll-events")).toContainText('"title": "Pulled"', { timeout: 30_000 });
  await expect(panel.getByTestId("poll-summary")).toContainText(/1 event · next chg_\d+ · up to date/);
  await panel.getByRole("button", { name: "Next page" }).click();
  await expect(panel.getByTestId("poll-summary")).toContainText("0 events");
  await panel.getByRole("button", { name: "From the start" }).click();
  await expect(panel.getByTestId("poll-events")).toContainText('"key": "p1"');

  // At phone width the command and the events fit the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel.getByLabel("Poll command")).toBeVisible();
  await fitsPhone(panel);
});
