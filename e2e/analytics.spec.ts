// Search analytics on the index page (issue 14): searches made over the API show up in the Analytics tab
// as figures, the searches-per-minute chart and the top / zero-result query charts; the store-terms
// switch turns storing terms off; all of it fits a 390 px phone.
import { expect, test, type Locator } from "@playwright/test";
import { E2E_MASTER_KEY } from "../playwright.config";

const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const id = unique("stats");
const master = { authorization: `Bearer ${E2E_MASTER_KEY}` };

// Leave the instance as found (other specs count indexes).
test.afterAll(async ({ request }) => {
  await request.delete(`/api/v1/indexes/${id}`);
});

/** Within a 390 px wide page, with nothing overflowing sideways. */
async function fitsPhone(el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
}

test("searches appear in the Analytics tab as charts, at desktop and at 390 px", async ({ page, request }) => {
  test.setTimeout(120_000);
  expect((await request.post("/api/v1/indexes", { data: { id, name: id, schema: { title: "string" } } })).status()).toBe(201);
  expect((await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: "a", title: "red apple" }, { id: "b", title: "green pear" }] } })).ok()).toBeTruthy();
  expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
  await expect.poll(async () => (await (await request.get(`/api/v1/indexes/${id}`)).json()).liveDeploymentId, { timeout: 45_000 }).toBeTruthy();

  const search = (term: string) => request.post(`/api/v1/indexes/${id}/search`, { data: { term }, headers: master });
  for (const term of ["apple", "apple", "apple", "pear", "kiwi"]) expect((await search(term)).status()).toBe(200);
  // The flush is periodic: wait until the API counts them all.
  await expect.poll(async () => (await (await request.get(`/api/v1/indexes/${id}/analytics?window=1h`)).json()).total.searches, { timeout: 20_000 }).toBe(5);

  await page.goto(`/indexes/${id}?tab=analytics&window=1h`);
  await expect(page.getByRole("tab", { name: "Analytics", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("analytics-Searches")).toHaveText("5");
  await expect(page.getByTestId("analytics-Zero results")).toHaveText("1");
  await expect(page.getByTestId("analytics-p50 latency")).toContainText("ms");
  const perMinute = page.getByTestId("analytics-searches-chart");
  await expect(perMinute.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(perMinute.locator(".recharts-area-curve")).toHaveCount(1);
  const top = page.getByTestId("analytics-top-queries");
  await expect(top.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(top).toContainText("apple");
  await expect(top.locator(".recharts-bar-rectangle")).toHaveCount(3);
  const zero = page.getByTestId("analytics-zero-queries");
  await expect(zero).toContainText("kiwi");
  await expect(zero.locator(".recharts-bar-rectangle")).toHaveCount(1);

  // The window tabs change what is asked for.
  await page.getByRole("tab", { name: "7 d", exact: true }).click();
  await expect(page).toHaveURL(/window=7d/);
  await expect(page.getByTestId("analytics-Searches")).toHaveText("5");

  // At phone width every chart is there and nothing overflows sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("analytics-Searches")).toHaveText("5");
  for (const chart of [perMinute, top, zero]) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    await fitsPhone(chart);
  }
  await fitsPhone(page.getByRole("tabpanel"));

  // Storing terms off: the switch says so, the index says so, and new searches bring no new terms.
  const storeTerms = page.getByRole("switch", { name: "Store search terms" });
  await expect(storeTerms).toBeChecked();
  await storeTerms.click();
  await expect(storeTerms).not.toBeChecked();
  await expect(page.getByText("terms are not stored.")).toBeVisible();
  expect((await (await request.get(`/api/v1/indexes/${id}`)).json()).analytics).toEqual({ storeTerms: false });
  expect((await search("private words")).status()).toBe(200);
  await expect.poll(async () => (await (await request.get(`/api/v1/indexes/${id}/analytics?window=7d`)).json()).total.searches, { timeout: 20_000 }).toBe(6);
  await page.reload();
  await expect(page.getByTestId("analytics-Searches")).toHaveText("6");
  await expect(top).not.toContainText("private");
});
