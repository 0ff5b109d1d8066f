// The overview's Get started checklist ticks off from real state: a user creates an index in the form (its id
// derived from the name), uploads, deploys, makes a key and a webhook, and each step turns done on the
// overview — at desktop and at 390 px. Steps another spec already completed (keys and hooks are not
// cleaned up by every spec) are checked against the API instead of assumed undone.
import { expect, test, type Page } from "@playwright/test";

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const name = `Get Started ${suffix}`;
const id = `get-started-${suffix}`;
const STEPS = ["Create an index and its schema", "Upload documents (snapshot or notify)", "Deploy a version", "Create a search key", "Add a webhook"];
let keyId: string | null = null;
let hookUuid: string | null = null;

test.afterAll(async ({ request }) => {
  await request.delete(`/api/v1/indexes/${id}`);
  if (keyId) await request.delete(`/api/v1/keys/${keyId}`);
  if (hookUuid) await request.delete(`/api/v1/hooks/${hookUuid}`);
});

const step = (page: Page, label: string) => page.getByTestId("get-started-step").filter({ hasText: label });

/** What the APIs say is done, step by step (the checklist's own rules). */
async function doneByApi(page: Page): Promise<boolean[]> {
  const indexes = (await (await page.request.get("/api/v1/indexes")).json()).results as { documentCount: number; liveDeploymentId: string | null; pending: { total: number; snapshot: boolean } }[];
  const keys = (await (await page.request.get("/api/v1/keys")).json()).results as { revokedAt: string | null; expiresAt: string | null }[];
  const hooks = (await (await page.request.get("/api/v1/hooks")).json()).results as unknown[];
  return [
    indexes.length > 0,
    indexes.some((i) => i.documentCount > 0 || i.pending.total > 0 || i.pending.snapshot || i.liveDeploymentId !== null),
    indexes.some((i) => i.liveDeploymentId !== null),
    keys.some((k) => !k.revokedAt && (!k.expiresAt || Date.parse(k.expiresAt) > Date.now())),
    hooks.length > 0,
  ];
}

async function expectChecklist(page: Page) {
  await page.goto("/overview");
  const expected = await doneByApi(page);
  const list = page.getByRole("region", { name: "Get started" });
  await expect(list).toBeVisible();
  for (const [i, label] of STEPS.entries()) await expect(step(page, label), label).toHaveAttribute("data-done", String(expected[i]));
  const next = expected.indexOf(false);
  if (next >= 0) await expect(step(page, STEPS[next])).toContainText("Next");
  await expect(page.getByText("Next", { exact: true })).toHaveCount(next >= 0 ? 1 : 0);
  const n = expected.filter(Boolean).length;
  await expect(page.getByTestId("get-started-progress")).toHaveText(n === STEPS.length ? "All done: your instance is set up." : `${n} of ${STEPS.length} done`);
  return expected;
}

async function fitsWidth(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("the Get started steps tick off as the user completes them, at desktop and 390 px", async ({ page }) => {
  test.setTimeout(150_000);
  await expectChecklist(page);

  // 1. Create an index from the checklist; the id follows the name until edited.
  await step(page, STEPS[0]).getByRole("link").click();
  await expect(page).toHaveURL(/\/indexes\/new$/);
  await page.getByLabel("Name", { exact: true }).fill(name);
  const idField = page.getByLabel("Id", { exact: true });
  await expect(idField).toHaveValue(id);
  await expect(page.getByText("Derived from the name")).toBeVisible();
  await idField.fill(`${id}-x`);
  await page.getByLabel("Name", { exact: true }).fill(`${name} renamed`);
  await expect(idField).toHaveValue(`${id}-x`);
  await expect(page.getByText("Derived from the name")).toHaveCount(0);
  // Clearing the id follows the name again.
  await idField.fill("");
  await expect(idField).toHaveValue(`${id}-renamed`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(idField).toHaveValue(id);
  await page.getByRole("tab", { name: "JSON", exact: true }).click();
  await page.getByLabel("Schema (Orama format)").fill(JSON.stringify({ title: "string" }));
  await page.getByRole("button", { name: "Create index" }).click();
  await expect(page).toHaveURL(new RegExp(`/indexes/${id}$`));
  expect((await expectChecklist(page))[0]).toBe(true);

  // 2. Upload, following the checklist's link (the first index's Upload tab, or the list).
  await page.goto(`/indexes/${id}?tab=upload`);
  await page.getByLabel("Documents file (JSON array or NDJSON)").setInputFiles({ name: "docs.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([{ id: "1", title: "Alien" }])) });
  await page.getByRole("radio", { name: "Replace all (snapshot)" }).check();
  await page.getByRole("button", { name: "Upload snapshot" }).click();
  await expect(page.getByTestId("pending-chip").first()).toContainText("+1");
  expect((await expectChecklist(page))[1]).toBe(true);

  // 3. Deploy from the index header.
  await page.goto(`/indexes/${id}`);
  await page.getByRole("button", { name: /^Deploy 1 change/ }).click();
  await expect(page.getByRole("region", { name: "Deploy progress" })).toContainText(/Version \d+ is live/, { timeout: 45_000 });
  expect((await expectChecklist(page))[2]).toBe(true);

  // 4. A search key, from the checklist's link.
  await step(page, STEPS[3]).getByRole("link").click();
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByLabel("Name").fill(`Get started key ${suffix}`);
  await form.getByRole("radio", { name: /^Public key/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const once = page.getByRole("dialog", { name: /Your new key/ });
  await expect(once).toBeVisible();
  await once.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "You won't see this key again" }).getByRole("button", { name: "I copied it" }).click();
  const keys = (await (await page.request.get("/api/v1/keys")).json()).results as { id: string; name: string }[];
  keyId = keys.find((k) => k.name === `Get started key ${suffix}`)?.id ?? null;
  expect(keyId).not.toBeNull();
  expect((await expectChecklist(page))[3]).toBe(true);

  // 5. A webhook to the inspector, from the checklist's link.
  const hookUuids = async () => ((await (await page.request.get("/api/v1/hooks")).json()).results as { uuid: string }[]).map((h) => h.uuid);
  const before = await hookUuids();
  await step(page, STEPS[4]).getByRole("link").click();
  await page.getByRole("button", { name: "Add webhook" }).first().click();
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  await sheet.getByRole("button", { name: "Use the inspector" }).click();
  await expect(sheet.getByLabel("URL")).toHaveValue(/\/api\/v1\/inspect\/bin_/);
  await sheet.getByRole("button", { name: "Create webhook" }).click();
  await expect(page.getByRole("dialog", { name: "Edit webhook" })).toBeVisible();
  const made = (await hookUuids()).filter((u) => !before.includes(u));
  expect(made).toHaveLength(1);
  hookUuid = made[0];
  expect(await expectChecklist(page)).toEqual([true, true, true, true, true]);
  for (const label of STEPS) await expect(step(page, label)).toContainText("(done)");
  await fitsWidth(page);

  // At phone width the checklist fits and still says what is done.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectChecklist(page);
  await page.getByRole("region", { name: "Get started" }).scrollIntoViewIfNeeded();
  await expect(step(page, STEPS[4]).getByRole("link")).toBeInViewport();
  await expect(page.getByTestId("get-started-progress")).toHaveText("All done: your instance is set up.");
  await fitsWidth(page);
});
