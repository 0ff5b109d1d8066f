// The search playground (issue 16 item 7), clicked through at desktop and at 390 px: typo tolerance and
// "Did you mean" for a term with no hits, a number range filter, facet values by count, the same field
// order on every hit (schema order), and pages past 50 hits.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const id = `play-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const schema = { title: "string", genre: "enum", year: "number", tags: "string[]" };
const TITLES = ["Alien", "Aliens", "Alien Romulus", "Heat", "The Thing"];
// 120 documents, ids "1" … "120"; genres drama 60, sf 40, crime 10, comedy 10 (crime is met first: the tie
// must still list comedy first); years 1901 … 2020.
const docs = Array.from({ length: 120 }, (_, k) => {
  const i = k + 1;
  const genre = i <= 60 ? "drama" : i <= 100 ? "sf" : i <= 110 ? "crime" : "comedy";
  return { id: String(i), tags: [`tag${i % 3}`], year: 1900 + i, genre, title: i <= TITLES.length ? TITLES[i - 1] : `Film number ${i}` };
});

async function deployed(request: APIRequestContext) {
  expect((await request.post("/api/v1/indexes", { data: { id, name: `Playground ${id}`, schema } })).status()).toBe(201);
  expect((await request.post(`/api/v1/webhooks/${id}/snapshot`, { data: docs })).ok()).toBeTruthy();
  expect((await request.post(`/api/v1/webhooks/${id}/deploy`)).status()).toBe(202);
  await expect.poll(async () => (await (await request.get(`/api/v1/indexes/${id}`)).json()).liveDeploymentId, { timeout: 45_000 }).toBeTruthy();
}

test.beforeAll(async ({ request }) => deployed(request));
// Leave the instance as found (other specs count indexes).
test.afterAll(async ({ request }) => {
  await request.delete(`/api/v1/indexes/${id}`);
});

const hits = (page: Page) => page.getByRole("list", { name: "Hits" }).getByRole("listitem");

async function searchFor(page: Page, term: string) {
  await page.getByLabel("Search term").fill(term);
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

async function fitsWidth(page: Page) {
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(w.scroll, "the page scrolls sideways").toBeLessThanOrEqual(w.inner);
}

for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
  test(`playground at ${viewport.width} px: typos, did you mean, ranges, facets by count, field order, pages`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await page.goto(`/indexes/${id}?tab=playground`);
    await expect(page.getByTestId("search-stats")).toContainText("120 hits");

    // A typo finds nothing; the playground suggests a word of the index, and a tolerant search.
    await searchFor(page, "alein");
    await expect(page.getByTestId("search-stats")).toContainText("0 hits");
    const suggestions = page.getByRole("status", { name: "Suggestions" });
    await expect(suggestions).toContainText("Did you mean");
    await expect(suggestions.getByRole("button", { name: "alien", exact: true })).toBeVisible();
    await expect(suggestions.getByRole("button", { name: /Allow 2 typos \(\d+ hits?\)/ })).toBeVisible();
    await suggestions.getByRole("button", { name: "alien", exact: true }).click();
    await expect(page).toHaveURL(/q=alien/);
    await expect(page.getByLabel("Search term")).toHaveValue("alien");
    await expect(hits(page).first()).toBeVisible();
    await expect(hits(page).filter({ hasText: "Heat" })).toHaveCount(0);
    await expect(page.getByRole("list", { name: "Hits" }).locator("mark").first()).toHaveText(/alien/i);

    // The tolerance control: "alein" with 2 typos allowed finds the Alien films.
    await searchFor(page, "alein");
    await expect(page.getByTestId("search-stats")).toContainText("0 hits");
    await page.getByLabel("Typo tolerance").selectOption({ label: "2 typos" });
    await expect(page).toHaveURL(/tol=2/);
    await expect(page.getByRole("listitem", { name: "Hit 1" })).toBeVisible();
    await expect(page.getByRole("status", { name: "Suggestions" })).toHaveCount(0);
    await page.getByLabel("Typo tolerance").selectOption({ label: "Exact words" });
    await searchFor(page, "");
    await expect(page.getByTestId("search-stats")).toContainText("120 hits");

    // Facet values by count (descending), ties by value: comedy (10) before crime (10).
    const genre = page.getByRole("region", { name: "Facet genre" });
    await expect(genre.getByRole("button")).toHaveText([/^drama\s*60$/, /^sf\s*40$/, /^comedy\s*10$/, /^crime\s*10$/]);

    // Every hit lists its properties in schema order.
    const order = await page.getByRole("list", { name: "Hits" }).evaluate((list) =>
      Array.from(list.querySelectorAll("li")).map((li) => Array.from(li.querySelectorAll("dt")).map((dt) => dt.textContent)),
    );
    expect(order.length).toBe(10);
    for (const fields of order) expect(fields).toEqual(["title", "genre", "year", "tags"]);
    await hits(page).first().getByRole("button", { name: /^Show JSON/ }).click();
    const json = await page.locator("pre[id^=hit-json-]").first().textContent();
    expect(Object.keys(JSON.parse(json!))).toEqual(["id", "title", "genre", "year", "tags"]);

    // A number range: 1991–2000 is ten films; the chip removes it.
    const range = page.getByRole("form", { name: "Range year" });
    await range.getByLabel("year min").fill("1991");
    await range.getByLabel("year max").fill("2000");
    await range.getByRole("button", { name: "Apply range on year" }).click();
    await expect(page.getByTestId("search-stats")).toContainText("10 hits");
    await expect(hits(page)).toHaveCount(10);
    for (const year of await page.getByRole("list", { name: "Hits" }).locator("dd").allTextContents()) {
      if (/^\d{4}$/.test(year)) expect(Number(year)).toBeGreaterThanOrEqual(1991);
    }
    // Open-ended: min only.
    await range.getByLabel("year max").fill("");
    await range.getByLabel("year min").fill("2011");
    await range.getByRole("button", { name: "Apply range on year" }).click();
    await expect(page.getByTestId("search-stats")).toContainText("10 hits");
    await page.getByRole("button", { name: "Remove range year: ≥ 2011" }).click();
    await expect(page.getByTestId("search-stats")).toContainText("120 hits");
    await expect(range.getByLabel("year min")).toHaveValue("");

    // Past 50: pages of 50.
    await page.getByLabel("Limit").selectOption("50");
    await expect(page.getByTestId("hits-range")).toContainText("1–50 of 120");
    await page.getByRole("navigation", { name: "Pages of hits" }).getByRole("button", { name: "Next" }).click();
    await expect(page.getByTestId("hits-range")).toContainText("51–100 of 120");
    await expect(page).toHaveURL(/hpage=2/);
    await page.getByRole("navigation", { name: "Pages of hits" }).getByRole("button", { name: "Next" }).click();
    await expect(page.getByTestId("hits-range")).toContainText("101–120 of 120 · page 3 of 3");
    await expect(hits(page)).toHaveCount(20);
    const seen = new Set<string>();
    for (const p of [3, 2, 1]) {
      if (p < 3) await page.getByRole("navigation", { name: "Pages of hits" }).getByRole("button", { name: "Previous" }).click();
      await expect(page.getByTestId("hits-range")).toContainText(`page ${p} of 3`);
      await expect(hits(page)).toHaveCount(p === 3 ? 20 : 50);
      for (const label of await hits(page).evaluateAll((li) => li.map((l) => l.getAttribute("aria-label")))) seen.add(label!);
    }
    expect(seen.size).toBe(120);
    // A new search starts at page 1 again.
    await page.getByRole("navigation", { name: "Pages of hits" }).getByRole("button", { name: "Next" }).click();
    await searchFor(page, "film");
    await expect(page.getByTestId("hits-range")).toContainText("1–50 of 115");
    await expect(page).not.toHaveURL(/hpage=/);
    await fitsWidth(page);
  });
}
