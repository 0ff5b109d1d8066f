// A viewer in the dashboard: made with the master key through the invite API, signed in through the
// login page in a fresh context. They read indexes, an index, webhooks, a hook and tasks with no
// management control on the page; management-only pages say the role is needed; the API refuses them.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_MASTER_KEY } from "../playwright.config";

const suffix = Date.now().toString(36);
const VIEWER = { email: `viewer-${suffix}@example.com`, name: `Vera Viewer ${suffix}`, password: "viewer-password-123" };
const INDEX_ID = `roles-${suffix}`;
const HOOK_URL = `https://93.184.215.14/roles-${suffix}`; // an IP literal: saved without DNS, never reached (paused)
const master = { authorization: `Bearer ${E2E_MASTER_KEY}` };

async function seed(request: APIRequestContext): Promise<{ hookUuid: string }> {
  const invite = await request.post("/api/v1/invites", { headers: master, data: { email: VIEWER.email, role: "viewer" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const accepted = await request.post("/api/v1/invites/accept", { data: { token: (await invite.json()).token, name: VIEWER.name, password: VIEWER.password } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const index = await request.post("/api/v1/indexes", { headers: master, data: { id: INDEX_ID, name: "Roles index", schema: { title: "string" } } });
  expect(index.status(), await index.text()).toBe(201);
  // Something pending, so a member would see an enabled Deploy button here.
  const notify = await request.post(`/api/v1/webhooks/${INDEX_ID}/notify`, { headers: master, data: { upsert: [{ id: "1", title: "Pending doc" }] } });
  expect(notify.status(), await notify.text()).toBeLessThan(300);
  const hook = await request.post("/api/v1/hooks", { headers: master, data: { url: HOOK_URL, paused: true } });
  expect(hook.status(), await hook.text()).toBe(201);
  return { hookUuid: (await hook.json()).uuid };
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(VIEWER.email);
  await page.getByLabel("Password").fill(VIEWER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("current-user")).toContainText(VIEWER.name);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test("a viewer reads everything, sees no management action, and the API refuses them", async ({ browser, request }) => {
  const { hookUuid } = await seed(request);
  // A fresh context: nothing of the admin's session.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page);

  await test.step("navigation offers only what a viewer may open", async () => {
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Indexes" })).toBeVisible();
    for (const name of ["Developer tools", "Users", "Settings", "Audit log"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
    // The overview's checklist does not point a viewer at creating things.
    await expect(page.getByRole("link", { name: /Create an index|Create a search key|Add a webhook/ })).toHaveCount(0);
  });

  await test.step("Indexes: the list, no create", async () => {
    await page.goto("/indexes");
    await expect(heading(page, "Indexes")).toBeVisible();
    await expect(page.getByRole("link", { name: "Roles index" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Create (your first )?index/ })).toHaveCount(0);
  });

  await test.step("an index: documents, deployments, schema; no deploy, upload, settings or delete", async () => {
    await page.goto(`/indexes/${INDEX_ID}`);
    await expect(heading(page, /Roles index/)).toBeVisible();
    const tabs = page.getByRole("tablist", { name: "Index sections" });
    for (const name of ["Documents", "Deployments", "Playground", "Schema", "Tasks"]) await expect(tabs.getByRole("tab", { name })).toBeVisible();
    for (const name of ["Upload", "Settings"]) await expect(tabs.getByRole("tab", { name })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Deploy/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Preview changes" })).toHaveCount(0);
    // A deep link to a management tab falls back to Documents.
    await page.goto(`/indexes/${INDEX_ID}?tab=settings`);
    await expect(page.getByRole("tab", { name: "Documents", selected: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete index" })).toHaveCount(0);
    await page.getByRole("tab", { name: "Schema" }).click();
    await expect(page.getByRole("table", { name: "Schema" })).toContainText("title");
    await expect(page.getByRole("button", { name: "Save schema" })).toHaveCount(0);
    await page.getByRole("tab", { name: "Deployments" }).click();
    await expect(page.getByRole("button", { name: /Roll back/ })).toHaveCount(0);
  });

  await test.step("Create index says the role is needed", async () => {
    await page.goto("/indexes/new");
    await expect(page.getByTestId("needs-role")).toContainText("member");
    await expect(page.getByRole("button", { name: /Create/ })).toHaveCount(0);
  });

  await test.step("Webhooks: the list, no add, edit or delete", async () => {
    await page.goto("/hooks");
    await expect(heading(page, "Webhooks")).toBeVisible();
    await expect(page.getByTestId("hook-row").filter({ hasText: HOOK_URL })).toBeVisible();
    for (const name of [/Add webhook/, /^Edit/, /^Delete/, /^Pause/, /^Resume/]) await expect(page.getByRole("button", { name })).toHaveCount(0);
    // The edit sheet's deep link opens nothing for a viewer: no credentials, no Reveal.
    await page.goto(`/hooks?edit=${hookUuid}`);
    await expect(heading(page, "Webhooks")).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Reveal|Rotate|Regenerate/ })).toHaveCount(0);
  });

  await test.step("a hook: deliveries and metrics; no edit, test send, credentials or inspector switch", async () => {
    await page.goto(`/hooks/${hookUuid}`);
    await expect(page.getByRole("heading", { level: 1, name: HOOK_URL })).toBeVisible();
    for (const name of [/^Edit/, /^Pause/, /^Resume/]) {
      await expect(page.getByRole("link", { name })).toHaveCount(0);
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    const tabs = page.getByRole("tablist", { name: "Hook sections" });
    await expect(tabs.getByRole("tab", { name: "Deliveries" })).toBeVisible();
    await expect(tabs.getByRole("tab", { name: "Testing" })).toHaveCount(0);
    await tabs.getByRole("tab", { name: "Inspector" }).click();
    await expect(page.getByText("does not post to the inspector")).toBeVisible();
    await expect(page.getByRole("button", { name: "Use the inspector" })).toHaveCount(0);
    await page.goto(`/hooks/${hookUuid}?tab=testing`);
    await expect(page.getByRole("tab", { name: "Deliveries", selected: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /Send test/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Reveal/ })).toHaveCount(0);
  });

  await test.step("Tasks: the list", async () => {
    await page.goto("/tasks");
    await expect(heading(page, "Tasks")).toBeVisible();
    await expect(page.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
  });

  await test.step("management-only pages say the role is needed", async () => {
    for (const [path, title, min] of [
      ["/developer-tools", "Developer tools", "member"],
      ["/users", "Users", "admin"],
      ["/settings", "Settings", "admin"],
      ["/audit", "Audit log", "admin"],
    ] as const) {
      await page.goto(path);
      await expect(heading(page, title)).toBeVisible();
      await expect(page.getByTestId("needs-role"), path).toContainText(min);
      await expect(page.getByRole("button", { name: /Create key|Invite|Save|Send test/ })).toHaveCount(0);
    }
  });

  await test.step("the API refuses a viewer's writes with their own session cookie", async () => {
    const create = await page.request.post("/api/v1/indexes", { data: { id: `viewer-${suffix}`, name: "Not allowed", schema: { title: "string" } } });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.code).toBe("forbidden");
    expect((await page.request.delete(`/api/v1/indexes/${INDEX_ID}`)).status()).toBe(403);
    expect((await page.request.post(`/api/v1/webhooks/${INDEX_ID}/deploy`)).status()).toBe(403);
    expect((await page.request.post(`/api/v1/hooks/${hookUuid}/secret`, { data: { action: "reveal" } })).status()).toBe(403);
    expect((await page.request.get("/api/v1/keys")).status()).toBe(403);
    // Reads work with the same cookie, and nothing changed.
    expect((await page.request.get(`/api/v1/indexes/${INDEX_ID}`)).status()).toBe(200);
    expect((await request.get(`/api/v1/indexes/viewer-${suffix}`, { headers: master })).status()).toBe(404);
  });

  await context.close();
});

// The viewer test asserts absences; this proves the same selectors find the controls for an admin, so
// an absence above means hidden, not misspelled.
test("the selectors the viewer test uses find the controls for an admin", async ({ page }) => {
  await page.goto("/indexes");
  await expect(page.getByRole("link", { name: "Create index" })).toBeVisible();
  await page.goto(`/indexes/${INDEX_ID}`);
  const tabs = page.getByRole("tablist", { name: "Index sections" });
  for (const name of ["Upload", "Settings"]) await expect(tabs.getByRole("tab", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Deploy/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview changes" })).toBeVisible();
  await tabs.getByRole("tab", { name: "Schema" }).click();
  await expect(page.getByRole("button", { name: "Save schema" })).toBeVisible();
  await page.goto("/hooks");
  await expect(page.getByRole("button", { name: /Add webhook/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^Edit ${HOOK_URL}`) })).toBeVisible();
  const row = page.getByTestId("hook-row").filter({ hasText: HOOK_URL });
  await row.getByRole("button", { name: /^Edit/ }).click();
  await expect(page.getByRole("dialog", { name: "Edit webhook" }).getByRole("button", { name: "Reveal secret" })).toBeVisible();
  await page.goto("/hooks");
  await page.getByRole("link", { name: HOOK_URL }).click();
  // On the detail page (the list has an "Edit <url>" and a "Pause <url>" per row): wait for its tabs first.
  await expect(page.getByRole("tablist", { name: "Hook sections" }).getByRole("tab", { name: "Testing" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Pause|Resume) / }).first()).toBeVisible();
  await page.goto("/indexes/new");
  await expect(page.getByTestId("needs-role")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Create/ }).first()).toBeVisible();
});
