// Issue 16 item 5 / issue 14: the API reference shows request bodies — each media type's fields with
// type, required and meaning, and an example — for search, snapshot (JSON and NDJSON), notify and create
// index (its $ref resolved), and the outbound webhooks with their signature headers; at desktop and
// at 390 px, where nothing of it runs off the page.
import { expect, test, type Locator, type Page } from "@playwright/test";

async function openOperation(page: Page, operationId: string): Promise<Locator> {
  const row = page.locator(`[data-operation="${operationId}"]`);
  await row.getByRole("button").first().click();
  await expect(row.getByRole("button").first()).toHaveAttribute("aria-expanded", "true");
  return row;
}

const field = (row: Locator, path: string) => row.locator(`[data-field="${path}"]`);

/** Within a 390 px page, not scrolling sideways inside (the shell's top bar is issue 16 item 8, not ours). */
async function fitsPhone(el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
}

test("search, snapshot, notify and create index show their body fields and examples", async ({ page }) => {
  await page.goto("/api-reference");
  await expect(page.getByTestId("api-reference")).toBeVisible();

  const search = await openOperation(page, "searchIndex");
  await expect(search.getByText("operationId")).toBeVisible();
  for (const f of ["term", "where", "limit", "facets", "sortBy.property"]) await expect(field(search, f)).toBeVisible();
  await expect(field(search, "limit")).toContainText("integer");
  await expect(field(search, "limit")).toContainText("default 10");
  await expect(field(search, "sortBy.property")).toContainText("required");
  await expect(search.getByText('"term": "alien"')).toBeVisible();
  // The SDK's form, as its own media type, with its one field and a form example.
  await search.getByRole("tab", { name: "application/x-www-form-urlencoded" }).click();
  await expect(field(search, "q")).toContainText("required");
  await expect(search.getByText(/^q=%7B/)).toBeVisible();
  // Every status it answers, with the fixed header.
  for (const s of ["200", "400", "401", "403", "404", "413", "415"]) await expect(search.getByLabel("Responses").getByText(s, { exact: true })).toBeVisible();
  await expect(search.getByLabel("Responses")).toContainText("cache-control");

  const snapshot = await openOperation(page, "snapshotIndex");
  await expect(field(snapshot, "[].id")).toContainText("string | integer");
  await expect(field(snapshot, "[].id")).toContainText("required");
  await expect(snapshot.getByLabel("Request body")).not.toContainText("binary");
  await snapshot.getByRole("tab", { name: "application/x-ndjson" }).click();
  await expect(snapshot.getByLabel("Request body")).toContainText("one document per line");
  await expect(snapshot.getByText('{"id":"1","title":"Alien","year":1979}', { exact: false })).toBeVisible();
  await expect(snapshot.getByLabel("Parameters")).toContainText("idempotency-key");
  await expect(snapshot.getByLabel("Responses")).toContainText("idempotent-replayed");

  const notify = await openOperation(page, "notifyIndex");
  for (const f of ["upsert", "upsert[].id", "update", "remove"]) await expect(field(notify, f)).toBeVisible();

  const create = await openOperation(page, "createIndex");
  await expect(create.getByLabel("Request body")).not.toContainText("$ref");
  await expect(field(create, "name")).toContainText("required");
  await expect(field(create, "schema")).toContainText("Orama's schema format");
  await expect(create.getByText('"name": "Movies"')).toBeVisible();

  // What Indexhook sends: a hook delivery with the Standard Webhooks headers.
  const delivery = await openOperation(page, "changesDelivery");
  for (const h of ["webhook-id", "webhook-timestamp", "webhook-signature"]) await expect(delivery.getByLabel("Parameters").getByText(h, { exact: true })).toBeVisible();
  await expect(field(delivery, "changes[].type")).toBeVisible();
});

test("a link to an operation opens it; at 390 px its body fits the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/api-reference#snapshotIndex");
  const snapshot = page.locator('[data-operation="snapshotIndex"]');
  await expect(snapshot.getByRole("button").first()).toHaveAttribute("aria-expanded", "true");
  await expect(field(snapshot, "[].id")).toBeVisible();
  await fitsPhone(snapshot);
  const search = await openOperation(page, "searchIndex");
  await expect(field(search, "hybridWeights.vector")).toBeVisible();
  await fitsPhone(search);
  await fitsPhone(page.getByTestId("api-reference"));
});
