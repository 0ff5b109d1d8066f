// "Search all live indexes" on the Indexes page (issue 14, multi-search's dashboard entry): one term goes
// to POST /api/v1/multi-search with a query per live index, and each index's count and top hits show.
import { expect, test } from "@playwright/test";

const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const fruit = unique("fruit");
const books = unique("books");

test.afterAll(async ({ request }) => {
  for (const id of [fruit, books]) await request.delete(`/api/v1/indexes/${id}`);
});

test("one term searches every live index at once; each shows its count and hits", async ({ page, request }) => {
  test.setTimeout(120_000);
  const docs = { [fruit]: [{ id: "a", title: "red apple" }, { id: "b", title: "green pear" }], [books]: [{ id: "1", title: "The apple orchard" }, { id: "2", title: "Moby Dick" }] };
  for (const id of [fruit, books]) {
    expect((await request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
    expect((await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: docs[id] } })).ok()).toBeTruthy();
    expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
  }
  for (const id of [fruit, books]) {
    await expect.poll(async () => (await (await request.get(`/api/v1/indexes/${id}`)).json()).liveDeploymentId, { timeout: 45_000 }).toBeTruthy();
  }
  const multi = page.waitForRequest((r) => r.url().endsWith("/api/v1/multi-search") && r.method() === "POST");
  await page.goto("/indexes");
  await page.getByLabel("Search all live indexes").fill("apple");
  const sent = (await multi).postDataJSON() as { queries: { indexId: string; term: string }[] };
  expect(sent.queries.map((q) => q.indexId)).toEqual(expect.arrayContaining([fruit, books]));
  const results = page.getByTestId("search-all-results");
  const fruitRow = results.locator("li", { has: page.getByRole("link", { name: fruit, exact: true }) }).first();
  const booksRow = results.locator("li", { has: page.getByRole("link", { name: books, exact: true }) }).first();
  await expect(fruitRow).toContainText("1 hit");
  await expect(fruitRow).toContainText("red apple");
  await expect(booksRow).toContainText("1 hit");
  await expect(booksRow).toContainText("The apple orchard");
  await page.getByLabel("Search all live indexes").fill("pear");
  await expect(fruitRow).toContainText("green pear");
  await expect(booksRow).toContainText("0 hits");
  await fruitRow.getByRole("link", { name: fruit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/indexes/${fruit}\\?tab=playground`));
});
