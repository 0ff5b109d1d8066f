// The audit log through the dashboard: an admin creates an API key, finds key.created with their own
// email as actor, filters by action, expands the row to its details — and the key is nowhere on the page.
import { expect, test } from "@playwright/test";

const ADMIN_EMAIL = "eve@example.com";
const suffix = Date.now().toString(36);

test("a key created in the UI shows up in the audit log, filterable and expandable, without its secret", async ({ page }) => {
  const name = `audited key ${suffix}`;
  await page.goto("/developer-tools");
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: /^Public key/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const once = page.getByRole("dialog", { name: /Your new key/ });
  const key = (await once.getByLabel("New API key").textContent())!.trim();
  expect(key).toMatch(/^ihk_pub_/);
  await once.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "You won't see this key again" }).getByRole("button", { name: "I copied it" }).click();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const row = page.getByTestId("audit-row").filter({ hasText: "key.created" }).first();
  await expect(row).toContainText(ADMIN_EMAIL);
  await expect(row.locator("time")).toHaveAttribute("title", /\d{4}.*\d{2}:\d{2}:\d{2}/);

  // Filter by action group: the URL carries it, and only key.* entries remain.
  await page.getByLabel("Action group").selectOption("key.");
  await expect(page).toHaveURL(/[?&]action=key\./);
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  for (const action of await page.getByTestId("audit-row").locator("td:nth-child(4)").allTextContents()) expect(action).toMatch(/^key\./);
  // Sign-ins were recorded too, but are filtered out now.
  await expect(page.getByTestId("audit-row").filter({ hasText: "auth.signed_in" })).toHaveCount(0);

  // Free-text action filter (exact) works the same way and survives a reload.
  const actionField = page.getByLabel("Action or prefix");
  await actionField.fill("key.created");
  await actionField.press("Enter");
  await expect(page).toHaveURL(/[?&]action=key\.created/);
  await page.reload();
  await expect(page.getByLabel("Action or prefix")).toHaveValue("key.created");

  const mine = page.getByTestId("audit-row").filter({ hasText: ADMIN_EMAIL }).first();
  await mine.getByRole("button", { name: "Show details of key.created" }).click();
  const details = page.getByTestId("audit-details");
  await expect(details).toContainText(name);
  await expect(details).toContainText('"search"');

  // The secret is nowhere: not in the page, not in what the page fetched.
  expect(await page.content()).not.toContain(key);
  const api = await page.request.get("/api/v1/audit?limit=200");
  expect(api.status()).toBe(200);
  expect(await api.text()).not.toContain(key);
});

test("an empty filter result says so, and Clear brings entries back", async ({ page }) => {
  await page.goto("/audit?action=hook.secret_revealed&to=2000-01-01");
  await expect(page.getByText("No entry matches these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
});

test("targets read as names: a key's name, a hook's URL (also once deleted), with the id on hover", async ({ page }) => {
  const keyName = `named key ${suffix}`;
  const made = await page.request.post("/api/v1/keys", { data: { name: keyName, actions: ["search"] } });
  expect(made.status()).toBe(201);
  const keyId = (await made.json()).id as string;
  const bin = await (await page.request.post("/api/v1/inspect")).json();
  const hook = await page.request.post("/api/v1/hooks", { data: { kind: "changes", url: bin.url } });
  expect(hook.status()).toBe(201);
  const uuid = (await hook.json()).uuid as string;
  expect((await page.request.delete(`/api/v1/hooks/${uuid}`)).ok()).toBeTruthy();

  await page.goto("/audit?action=key.created");
  const keyRow = page.getByTestId("audit-row").filter({ hasText: keyName });
  await expect(keyRow).toHaveCount(1);
  await expect(keyRow).not.toContainText(keyId);
  await expect(keyRow.getByText(keyName, { exact: true })).toHaveAttribute("title", `API key id ${keyId}`);

  // The hook is gone: both its entries still name it by URL, the created one too; the id is on hover.
  await page.goto(`/audit?targetType=hook&targetId=${uuid}`);
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  for (const action of ["hook.created", "hook.deleted"]) {
    const row = page.getByTestId("audit-row").filter({ hasText: action });
    await expect(row.getByText(bin.url, { exact: true })).toHaveAttribute("title", `webhook id ${uuid}`);
    await expect(row).not.toContainText(uuid);
  }
  await page.getByRole("button", { name: "Show details of hook.created" }).click();
  await expect(page.getByTestId("audit-details")).toContainText(`hook id ${uuid}`);
});
