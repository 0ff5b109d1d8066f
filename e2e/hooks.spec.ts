// Webhooks through the dashboard: create one pointing at the inspector from the sheet, see it Active,
// reveal and rotate its secret, pause and resume, see a captured request, delete it.
import { expect, test } from "@playwright/test";

test("create an inspector hook, reveal and rotate its secret, pause, resume, delete", async ({ page, request }) => {
  await page.goto("/hooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  const urlField = sheet.getByLabel("URL");
  await expect(urlField).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  const hookUrl = await urlField.inputValue();
  await sheet.getByRole("button", { name: "Create webhook" }).click();

  // After create the sheet turns into the edit sheet of the new hook, with its credentials.
  const edit = page.getByRole("dialog", { name: "Edit webhook" });
  await expect(edit).toBeVisible();
  await edit.getByRole("button", { name: "Close" }).click();
  const row = page.getByTestId("hook-row").filter({ hasText: hookUrl });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("changes");

  // The secret is not in the page until the eye asks for it.
  await row.getByRole("button", { name: /^Edit/ }).click();
  await expect(edit.getByTestId("secret-value")).toHaveText(/^whsec_•+$/);
  expect(await page.content()).not.toMatch(/whsec_[A-Za-z0-9+/]{20}/);
  // Reveal/hide is an SVG eye, not an emoji (which renders as a box without an emoji font).
  await expect(edit.getByRole("button", { name: "Reveal secret" }).locator("svg")).toBeVisible();
  expect(await edit.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
  await edit.getByRole("button", { name: "Reveal secret" }).click();
  await expect(edit.getByRole("button", { name: "Hide secret" }).locator("svg")).toBeVisible();
  await expect(edit.getByTestId("secret-value")).toHaveText(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
  const first = (await edit.getByTestId("secret-value").textContent())!;
  const list = await request.get("/api/v1/hooks");
  expect(await list.text()).not.toContain(first);

  await edit.getByRole("button", { name: "Rotate" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Rotate the signing secret?" });
  await confirm.getByRole("button", { name: "Rotate" }).click();
  await expect(confirm).toBeHidden();
  await expect(edit.getByTestId("secret-value")).not.toHaveText(first);
  await expect(edit.getByTestId("secret-value")).toHaveText(/^whsec_/);
  await expect(edit.getByTestId("grace")).toContainText("previous secret also signs until");

  // Pause, then resume.
  await edit.getByRole("switch", { name: "Paused" }).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Paused");
  await row.getByRole("button", { name: /^Edit/ }).click();
  await edit.getByRole("switch", { name: "Paused" }).uncheck();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("Active");

  // A request sent to the bin shows up in the hook's Inspector tab.
  const sent = await request.post(hookUrl, { data: { hello: "inspector" } });
  expect(sent.status()).toBe(200);
  await row.getByRole("link").click();
  await page.getByRole("tab", { name: "Inspector" }).click();
  await expect(page).toHaveURL(/tab=inspector/);
  await expect(page.getByTestId("inspector-body")).toContainText('"hello": "inspector"');
  await page.getByRole("link", { name: "Open the bin on its own page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request inspector" })).toBeVisible();
  await expect(page.getByTestId("inspector-body")).toContainText('"hello": "inspector"');
  await page.goBack();
  await page.getByRole("tab", { name: "Deliveries" }).click();
  await expect(page.getByRole("tabpanel", { name: "Deliveries" })).toContainText("No deliveries yet");

  // Delete, behind a confirmation naming the hook.
  await page.goto("/hooks");
  await row.getByRole("button", { name: /^Delete/ }).click();
  const del = page.getByRole("alertdialog", { name: "Delete this webhook?" });
  await expect(del).toContainText(hookUrl);
  await del.getByRole("button", { name: "Delete webhook" }).click();
  await expect(row).toHaveCount(0);
});
