// Deploys through the dashboard: diff preview, the Apply → Build → Live stepper, history, rollback, playground.
import { expect, test, type Page } from "@playwright/test";

const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const LIVE = { timeout: 45_000 };

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
}

const id = unique("shelf");

// Leave the instance as found: developer-tools.spec expects no index to exist when it runs.
test.afterEach(async ({ request }) => {
  await request.delete(`/api/v1/indexes/${id}`);
});

test("preview, deploy with progress, roll back, and search in the playground", async ({ page, context }) => {
  test.setTimeout(180_000);
  const schema = { title: "string", genre: "enum", tags: "string[]", inStock: "boolean", year: "number" };
  expect((await page.request.post("/api/v1/indexes", { data: { id, name: `Shelf ${id}`, schema } })).status()).toBe(201);
  const notify = (data: object) => page.request.post(`/api/v1/webhooks/${id}/notify`, { data });
  expect(
    (
      await notify({
        upsert: [
          { id: "a", title: "Dune", genre: "sf", tags: ["desert", "spice"], inStock: true, year: 1965 },
          { id: "b", title: "Emma", genre: "romance", tags: ["village"], inStock: false, year: 1815 },
          { id: "c", title: "Neuromancer", genre: "sf", tags: ["cyberspace"], inStock: true, year: 1984 },
        ],
      })
    ).ok(),
  ).toBeTruthy();

  await page.goto(`/indexes/${id}`);
  // Not deployed yet: the playground says so.
  await openTab(page, "Playground");
  await expect(page.getByText("Not deployed yet")).toBeVisible();

  // Preview, then deploy from the dialog; the stepper follows the deployment to "live".
  await page.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByRole("dialog", { name: "Preview changes" });
  await expect(preview.getByTestId("diff-counts")).toContainText("+3 new");
  await expect(preview.getByRole("list", { name: "Changes" }).getByRole("listitem")).toHaveCount(3);
  await expect(preview).toContainText('"title": "Dune"');
  await preview.getByRole("button", { name: "Deploy 3 changes" }).click();
  const progress = page.getByRole("region", { name: "Deploy progress" });
  await expect(progress.getByRole("link", { name: /Deploy task #\d+/ })).toBeVisible();
  await expect(progress).toContainText("Version 1 is live", LIVE);
  await expect(progress.getByRole("list", { name: /steps/ })).toContainText("Live (done)");
  await expect(progress.getByTestId("deploy-percent")).toHaveText("100%");

  await openTab(page, "Deployments");
  await expect(page).toHaveURL(/tab=deployments/);
  const v1 = page.getByTestId("deployment-v1");
  await expect(v1).toContainText("Live");
  await expect(v1).toContainText("+3 ~0 −0");
  await expect(v1).toContainText("Live now");

  // A second change: an update and a removal, previewed as key paths and a key, then v2.
  expect((await notify({ update: [{ id: "b", title: "Emma (annotated)" }], remove: ["c"] })).ok()).toBeTruthy();
  await page.reload();
  await page.getByRole("button", { name: "Preview changes" }).click();
  await expect(preview.getByTestId("diff-counts")).toContainText("~1 changed");
  await expect(preview.getByTestId("diff-counts")).toContainText("−1 removed");
  await expect(preview).toContainText("Changes: title");
  await preview.getByRole("button", { name: "Close" }).click();
  await page.getByRole("button", { name: "Deploy 2 changes" }).click();
  // It removes a live document: the header asks first.
  await page.getByRole("alertdialog", { name: "Remove 1 live document?" }).getByRole("button", { name: "Deploy and remove 1 document" }).click();
  await expect(progress).toContainText("Version 2 is live", LIVE);
  await expect(page.getByTestId("deployment-v2")).toContainText("Live");

  // Roll back to v1 behind a confirmation; v3 "Rollback of v1" becomes live.
  await page.getByTestId("deployment-v1").getByRole("button", { name: "Roll back to v1" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Roll back to v1?" });
  await expect(confirm).toContainText("Pending changes stay queued.");
  await confirm.getByRole("button", { name: "Roll back to v1" }).click();
  const panel = page.getByRole("tabpanel");
  await expect(panel.getByRole("region", { name: "Rollback progress" })).toContainText("Version 3 is live (rollback of v1)", LIVE);
  const v3 = page.getByTestId("deployment-v3");
  await expect(v3).toContainText("Rollback of v1");
  await expect(v3).toContainText("Live");
  await expect(page.getByTestId("deployment-v2")).not.toContainText("Live now");

  // Playground on v3 (= v1's documents): a term, a facet filter, Copy as cURL.
  await openTab(page, "Playground");
  await page.getByLabel("Search term").fill("dune");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/tab=playground&q=dune|q=dune/);
  const hits = page.getByRole("list", { name: "Hits" });
  await expect(hits.getByRole("listitem")).toHaveCount(1);
  await expect(hits.getByRole("listitem", { name: "Hit a" })).toBeVisible();
  await expect(hits.locator("mark")).toHaveText("Dune");
  await expect(page.getByTestId("search-stats")).toContainText(/1 hit · engine .+ · round trip \d+ ms/);
  await hits.getByRole("button", { name: "Show JSON of a" }).click();
  await expect(hits).toContainText('"year": 1965');

  await page.getByLabel("Search term").fill("");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(hits.getByRole("listitem")).toHaveCount(3);
  const genre = page.getByRole("region", { name: "Facet genre" });
  await expect(genre.getByRole("button", { name: /^romance/ })).toContainText("1");
  await genre.getByRole("button", { name: /^sf/ }).click();
  await expect(hits.getByRole("listitem")).toHaveCount(2);
  await expect(hits.getByRole("listitem", { name: "Hit b" })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove filter genre: sf" }).click();
  await expect(hits.getByRole("listitem")).toHaveCount(3);

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy as cURL" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`curl -X POST http://127.0.0.1`);
  expect(copied).toContain(`/api/v1/indexes/${id}/search`);
  expect(copied).toContain("Bearer <YOUR_SEARCH_KEY>");
});
