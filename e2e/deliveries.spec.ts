// A hook pointing at the built-in inspector receives a deploy's changes: the delivery shows in the
// log with its attempts, can be replayed, and a test event can be sent from the Testing tab.
import { expect, test } from "@playwright/test";

test("deploy → the change arrives in the inspector and the delivery log; replay; send a test event", async ({ page }) => {
  const id = `hooked-${Date.now().toString(36)}`;
  const bin = await (await page.request.post("/api/v1/inspect")).json();
  const credential = "e2e-sheet-credential-4d1f";
  const made = await page.request.post("/api/v1/hooks", { data: { kind: "changes", url: bin.url, headers: { Authorization: `Bearer ${credential}` } } });
  expect(made.status()).toBe(201);
  const hook = await made.json();
  expect((await page.request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
  await page.request.post(`/api/v1/webhooks/${id}/snapshot`, { data: [{ id: "d1", title: "delivered to the inspector" }] });
  await page.request.post(`/api/v1/webhooks/${id}/deploy`);

  await page.goto(`/hooks/${hook.uuid}?tab=deliveries`);
  const row = page.getByTestId("delivery-row").first();
  await expect(row).toContainText("delivered", { timeout: 30_000 });
  await row.click();
  const sheet = page.getByRole("dialog", { name: /^Delivery / });
  await expect(sheet.getByRole("list", { name: "Attempts" })).toContainText("200");
  // Secrets are redacted in the sheet for every role (this is an admin): names kept, values masked.
  await expect(sheet).toContainText("Authorization: Bearer ****");
  await expect(sheet).toContainText("x-indexhook-token: ****");
  await expect(sheet).not.toContainText(credential);
  await expect(sheet).not.toContainText(hook.token);
  await sheet.getByRole("button", { name: "Replay" }).click();
  await expect(sheet.getByRole("list", { name: "Attempts" }).getByRole("listitem")).toHaveCount(2, { timeout: 30_000 });

  await page.goto(`/hooks/${hook.uuid}?tab=inspector`);
  await expect(page.getByTestId("inspector-body").first()).toContainText("delivered to the inspector", { timeout: 30_000 });
  await expect(page.locator("body")).not.toContainText(credential);
  await expect(page.locator("body")).not.toContainText(hook.token);

  await page.goto(`/hooks/${hook.uuid}?tab=testing`);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-result")).toContainText("delivered", { timeout: 30_000 });
  await expect(page.getByTestId("test-result")).toContainText("200");

  // The Webhooks page lists each hook's last delivery and charts every hook's deliveries.
  await page.goto("/hooks");
  await expect(page.getByTestId("hook-row").filter({ hasText: bin.url }).getByTestId("last-delivery")).toContainText("delivered");
  const all = page.getByRole("region", { name: "Deliveries, all webhooks" });
  await expect(all.getByTestId("metric-Attempts")).not.toHaveText("0");
  await expect(all.getByTestId("metric-Success rate")).toContainText("%");
});
