// A newcomer's first hook: "Use the inspector" fills in a capture URL on this instance, the hook saves,
// and a test event arrives in the inspector tab (the API test lib/delivery/own-inspector.api.test.ts
// proves the same with ALLOWED_IP_NETWORKS empty; this server allows 127.0.0.1 for other specs).
import { expect, test } from "@playwright/test";

test("Use the inspector → Send test event → the request shows in the Inspector tab", async ({ page }) => {
  await page.goto("/hooks");
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  const urlField = sheet.getByLabel("URL");
  await expect(urlField).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/inspect\/bin_/);
  const hookUrl = await urlField.inputValue();
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("dialog", { name: "Edit webhook" }).getByRole("button", { name: "Close" }).click();

  await page.getByTestId("hook-row").filter({ hasText: hookUrl }).getByRole("link").first().click();
  await page.getByRole("tab", { name: "Testing" }).click();
  await page.getByRole("button", { name: "Send test event" }).click();
  await page.getByRole("tab", { name: "Inspector" }).click();
  await expect(page.getByTestId("inspector-body").first()).toContainText("{", { timeout: 30_000 });
  await expect(page.getByTestId("hook-status")).toContainText("Active");
});
