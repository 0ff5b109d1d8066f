// The Deployments tab charts each version's build duration and document counts (added / changed / removed
// and the total), and the Documents tab lists numeric ids in numeric order — at desktop and at 390 px.
import { expect, test, type Locator, type Page } from "@playwright/test";

const id = `history-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test.afterAll(async ({ request }) => {
  await request.delete(`/api/v1/indexes/${id}`);
});

async function fitsWidth(page: Page, el?: Locator) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "the page scrolls sideways").toBe(true);
  if (el) {
    const box = (await el.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
}

test("deploy charts per version and numeric document order, at desktop and 390 px", async ({ page, request }) => {
  test.setTimeout(150_000);
  expect((await request.post("/api/v1/indexes", { data: { id, name: `History ${id}`, schema: { title: "string" } } })).status()).toBe(201);
  const deploy = async () => {
    const { taskUid } = await (await request.post(`/api/v1/webhooks/${id}/deploy`)).json();
    await expect.poll(async () => (await (await request.get(`/api/v1/tasks/${taskUid}`)).json()).status, { timeout: 45_000 }).toBe("succeeded");
  };
  // v1: 25 documents "1" … "25"; v2: 2 added, 3 changed, 4 removed (23 in all).
  await request.post(`/api/v1/webhooks/${id}/snapshot`, { data: Array.from({ length: 25 }, (_, i) => ({ id: String(i + 1), title: `doc ${i + 1}` })) });
  await deploy();
  await request.post(`/api/v1/webhooks/${id}/notify`, {
    data: { upsert: [{ id: "100", title: "new" }, { id: "26", title: "new" }], update: ["1", "2", "3"].map((d) => ({ id: d, title: "changed" })), remove: ["4", "5", "6", "7"] },
  });
  await deploy();

  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto(`/indexes/${id}?tab=deployments`);
    await expect(page.getByTestId("deployment-v2")).toContainText("+2 ~3 −4");

    const duration = page.getByTestId("deploy-duration-chart");
    await expect(duration.getByRole("heading", { name: "Build duration per version" })).toBeVisible();
    await expect(duration.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(duration.locator(".recharts-bar-rectangle")).toHaveCount(2);
    for (const v of ["v1", "v2"]) await expect(duration.locator(".recharts-cartesian-axis-tick-value", { hasText: v })).toBeVisible();

    const counts = page.getByTestId("deploy-documents-chart");
    await counts.scrollIntoViewIfNeeded();
    await expect(counts.getByRole("heading", { name: "Documents per version" })).toBeVisible();
    for (const series of ["added", "changed", "removed", "total documents"]) await expect(counts.locator(".recharts-legend-wrapper")).toContainText(series);
    // v1: one "added" bar; v2: added, changed and removed bars; the total line has a point per version.
    await expect(counts.locator(".recharts-bar-rectangle")).toHaveCount(4);
    await expect(counts.locator(".recharts-line-dot, .recharts-line-dots circle").first()).toBeVisible();
    await expect(counts.locator(".recharts-line-dots circle")).toHaveCount(2);
    // The total falls from 25 (v1) to 23 (v2): the line's second point sits lower.
    const [y1, y2] = await counts.locator(".recharts-line-dots circle").evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cy"))));
    expect(y2).toBeGreaterThan(y1);
    await fitsWidth(page, counts);
    await fitsWidth(page, duration);

    // Documents: numeric ids in numeric order (1, 2, 3, 8, …, 10, …, 26, 100), not 1, 10, 100, 11 ….
    await page.getByRole("tab", { name: "Documents", exact: true }).click();
    const table = page.getByRole("table", { name: "Documents" });
    await expect(table.locator("tbody tr")).toHaveCount(20);
    const ids = await table.locator("tbody tr td:first-child").allTextContents();
    expect(ids).toEqual(["1", "2", "3", ...Array.from({ length: 17 }, (_, i) => String(i + 8))]);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(table.locator("tbody tr td:first-child")).toHaveText(["25", "26", "100"]);
    await fitsWidth(page);
  }
});
