// API keys through the dashboard: create (public and private), the shown-once step, the list, revoke —
// and the API agreeing with what the page says.
import { expect, test, type Page } from "@playwright/test";

const suffix = Date.now().toString(36);

async function createKey(page: Page, name: string, preset: RegExp, indexes?: string): Promise<string> {
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: preset }).check();
  if (indexes) {
    await form.getByRole("radio", { name: "Only these indexes" }).check();
    // Other specs may have created indexes: then the form offers checkboxes, else a text field.
    const text = form.getByLabel("Index ids, comma-separated");
    if (await text.isVisible()) await text.fill(indexes);
    else for (const id of indexes.split(",")) await form.getByRole("checkbox", { name: id.trim() }).check();
  }
  await form.getByRole("button", { name: "Create key" }).click();

  const once = page.getByRole("dialog", { name: /Your new key/ });
  await expect(once).toBeVisible();
  const key = (await once.getByLabel("New API key").textContent())!.trim();
  await once.getByRole("button", { name: "Copy key" }).click();
  await expect(once.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  // "Try it": the whole curl command is on screen (wrapped, not cut off) and copies with the key in it.
  const curl = once.getByLabel("curl example");
  await expect(curl).toContainText(key);
  expect(await curl.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= el.closest("[role=dialog]")!.getBoundingClientRect().right)).toBe(true);
  await once.getByRole("button", { name: "Copy curl command" }).click();
  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toMatch(/^curl /);
  expect(command).toContain(`Authorization: Bearer ${key}`);
  await once.getByRole("button", { name: "Done" }).click();
  const confirm = page.getByRole("alertdialog", { name: "You won't see this key again" });
  await confirm.getByRole("button", { name: "I copied it" }).click();
  await expect(confirm).toBeHidden();
  // Shown once means once: the secret is not left anywhere in the page.
  expect(await page.content()).not.toContain(key);
  return key;
}

test("create a public and a private key, see them listed, revoke one", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // The private key is scoped to "products": make sure it exists (another spec may have made it).
  const made = await page.request.post("/api/v1/indexes", { data: { id: "products", name: "Products", schema: { title: "string" } } });
  expect([201, 409]).toContain(made.status());
  await page.goto("/developer-tools");
  await expect(page.getByRole("heading", { level: 1, name: "Developer tools" })).toBeVisible();

  const pubName = `site search ${suffix}`;
  const pub = await createKey(page, pubName, /^Public key/);
  expect(pub).toMatch(/^ihk_pub_/);

  const prvName = `ci ingest ${suffix}`;
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  await page.getByRole("dialog", { name: "Create API key" }).getByRole("button", { name: "Cancel" }).click();
  const prv = await createKey(page, prvName, /^Private key/, "products");
  expect(prv).toMatch(/^ihk_prv_/);

  const pubRow = page.getByRole("row").filter({ hasText: pubName });
  const prvRow = page.getByRole("row").filter({ hasText: prvName });
  await expect(pubRow).toContainText(`${pub.slice(0, 12)}…`);
  await expect(pubRow).toContainText("Active");
  const lastUsed = (row: typeof pubRow) => row.getByRole("cell").nth(4);
  await expect(lastUsed(pubRow)).toHaveText("Never");
  await expect(prvRow).toContainText(`${prv.slice(0, 12)}…`);
  await expect(prvRow).toContainText("index: products");
  await expect(prvRow).toContainText("ingest");

  // The keys work against the API…
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${pub}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ type: "key", name: pubName, actions: ["search"] });
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${prv}` } })).status()).toBe(200);

  // …until one is revoked through the confirmation dialog.
  await pubRow.getByRole("button", { name: `Revoke ${pubName}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke “${pubName}”?` });
  await expect(dialog).toContainText(pub.slice(0, 12));
  await expect(dialog).toContainText("cannot be undone");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(pubRow).toContainText("Revoked");
  await expect(pubRow.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(prvRow).toContainText("Active");

  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${pub}` } });
  expect(after.status()).toBe(401);
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${prv}` } })).status()).toBe(200);

  // Reloading shows the same state from the server; last use is now recorded for the private key.
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: pubName })).toContainText("Revoked");
  await expect(lastUsed(page.getByRole("row").filter({ hasText: prvName }))).toHaveText(/just now|ago/);
});

test("the create form shows the API's validation message", async ({ page }) => {
  await page.goto("/developer-tools");
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByRole("alert")).toContainText("Invalid request body");
  await expect(form.getByText("required", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
});

test("a metrics key made in the dialog scrapes /metrics and nothing else", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/developer-tools");
  const name = `prometheus ${suffix}`;
  const key = await createKey(page, name, /^Metrics key/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("metrics");
  const scraped = await request.get("/metrics", { headers: { authorization: `Bearer ${key}` } });
  expect(scraped.status()).toBe(200);
  expect(scraped.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(await scraped.text()).toContain("indexhook_search_requests_total");
  // Nothing else: not even a search.
  expect((await request.get("/api/v1/indexes", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(403);
});
