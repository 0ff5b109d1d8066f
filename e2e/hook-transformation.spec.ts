// A hook transformation through the dashboard: write one in the sheet, see a syntax error from "Test
// transformation" and refused at save, fix it, test it on the sample payload, save, and see the
// transformed body arrive in the hook's inspector bin when a test event is sent.
import { expect, test } from "@playwright/test";

test("write, test and save a transformation; a test event arrives transformed", async ({ page }) => {
  await page.goto("/hooks");
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  await expect(sheet.getByLabel("URL")).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  const hookUrl = await sheet.getByLabel("URL").inputValue();

  const editor = sheet.getByLabel("Transformation source");
  const test_ = sheet.getByRole("button", { name: "Test transformation" });
  await expect(test_).toBeDisabled();
  await editor.fill("function handler(webhook) {\n  return webhook +;\n}");
  await test_.click();
  await expect(sheet.getByTestId("transformation-result")).toContainText(/Fails: SyntaxError.*line 2/);
  // Saving it is refused, and says why.
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  await expect(sheet.getByRole("alert").filter({ hasText: "cannot be used" })).toContainText("line 2");

  await editor.fill(
    [
      "function handler(webhook) {",
      "  const keys = webhook.payload.changes.map((c) => c.key);",
      '  webhook.headers["X-Keys"] = keys.join(",");',
      '  webhook.payload = { text: "e2e-transformed " + keys.length + " changes" };',
      "  return webhook;",
      "}",
    ].join("\n"),
  );
  await test_.click();
  const result = sheet.getByTestId("transformation-result");
  await expect(result.getByLabel("Body that would be sent")).toContainText('"text": "e2e-transformed 3 changes"');
  await expect(result.getByLabel("Headers that would be sent")).toContainText("X-Keys: sample-1,sample-2,sample-3");

  // Another sample payload, given by hand.
  await sheet.getByText(/^Sample payload \(default/).click();
  await sheet.getByLabel("Sample payload").fill('{ "changes": [{ "type": "delete", "table": "t", "key": "only" }] }');
  await test_.click();
  await expect(result.getByLabel("Body that would be sent")).toContainText("e2e-transformed 1 changes");

  await sheet.getByRole("button", { name: "Create webhook" }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel("Transformation source")).toHaveValue(/e2e-transformed/);
  await edit.getByRole("button", { name: "Close" }).click();

  // A test event goes out through the transformation: the inspector shows the transformed body.
  const row = page.getByTestId("hook-row").filter({ hasText: hookUrl });
  await row.getByRole("link").click();
  await page.getByRole("tab", { name: "Testing" }).click();
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByTestId("test-result")).toContainText("delivered", { timeout: 30_000 });
  await page.getByRole("tab", { name: "Inspector" }).click();
  await expect(page.getByTestId("inspector-body").first()).toContainText("e2e-transformed 3 changes", { timeout: 30_000 });

  // Clean up: this spec's hook does not linger into others.
  const uuid = page.url().match(/\/hooks\/([^/?]+)/)![1];
  expect((await page.request.delete(`/api/v1/hooks/${uuid}`)).status()).toBe(200);
});
