// The index lifecycle through the dashboard: schema builder → upload → deploy → tasks → schema refusal → delete.
import { expect, test, type Page } from "@playwright/test";

const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const ndjson = (docs: object[]) => Buffer.from(docs.map((d) => JSON.stringify(d)).join("\n") + "\n");

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("tab", { name, exact: true })).toHaveAttribute("aria-selected", "true");
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Documents file (JSON array or NDJSON)").setInputFiles({ name, mimeType: "application/x-ndjson", buffer });
  await page.getByRole("radio", { name: "Replace all (snapshot)" }).check();
  await page.getByRole("button", { name: "Upload snapshot" }).click();
}

test("create an index in the schema builder, upload, deploy, see tasks, refuse a schema change, delete", async ({ page }) => {
  const id = unique("books");
  await page.goto("/indexes");
  await page.getByRole("link", { name: "Create index" }).first().click();
  await expect(page).toHaveURL(/\/indexes\/new$/);

  await page.getByLabel("Name", { exact: true }).fill(`Books ${id}`);
  await page.getByLabel("Id", { exact: true }).fill("Not A Slug!");
  await page.getByRole("button", { name: "Create index" }).click();
  await expect(page.getByText(/lowercase letters, digits/).first()).toBeVisible();
  await page.getByLabel("Id", { exact: true }).fill(id);

  // Infer from a sample: scalars, arrays, a geopoint, a nested object; a long number array suggests a vector.
  await page.getByLabel("Sample document").fill(
    JSON.stringify({ id: "1", title: "Dune", year: 1965, tags: ["sf"], place: { lat: 1, lon: 2 }, meta: { rating: 4.5 }, emb: [1, 2, 3, 4, 5, 6, 7, 8] }),
  );
  await page.getByRole("button", { name: "Infer types" }).click();
  await expect(page.getByLabel("Name of property 1")).toHaveValue("title");
  await expect(page.getByLabel("Type of property 2")).toHaveValue("number");
  await expect(page.getByLabel("Type of property 4")).toHaveValue("geopoint");
  await expect(page.getByLabel("Type of property 6")).toHaveValue("number[]");
  await page.getByRole("button", { name: "Use vector[8]" }).click();
  await expect(page.getByLabel("Dimension of property 6")).toHaveValue("8");

  // Add a nested object by hand, and a vector.
  await page.getByRole("button", { name: "Add property", exact: true }).click();
  await page.getByLabel("Name of property 7").fill("author");
  await page.getByLabel("Type of property 7").selectOption("object");
  await page.getByLabel("Name of property 7.1").fill("name");
  await page.getByRole("button", { name: "Add nested property to property 7" }).click();
  await page.getByLabel("Name of property 7.2").fill("born");
  await page.getByLabel("Type of property 7.2").selectOption("number");
  await page.getByRole("button", { name: "Add property", exact: true }).click();
  await page.getByLabel("Name of property 8").fill("embedding");
  await page.getByLabel("Type of property 8").selectOption("vector");
  await page.getByLabel("Dimension of property 8").fill("3");

  await openTab(page, "JSON");
  const json = JSON.parse(await page.getByLabel("Schema (Orama format)").inputValue());
  expect(json).toEqual({
    title: "string",
    year: "number",
    tags: "string[]",
    place: "geopoint",
    meta: { rating: "number" },
    emb: "vector[8]",
    author: { name: "string", born: "number" },
    embedding: "vector[3]",
  });
  // Two-way: editing the JSON updates the rows.
  await page.getByLabel("Schema (Orama format)").fill(JSON.stringify({ ...json, isbn: "string" }));
  await expect(page.getByLabel("Name of property 9")).toHaveValue("isbn");

  await page.getByRole("button", { name: "Create index" }).click();
  await expect(page).toHaveURL(new RegExp(`/indexes/${id}`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Books ${id}`);
  await expect(page.getByText("No live documents yet")).toBeVisible();
  await expect(page.getByRole("button", { name: /Deploy 0 changes/ })).toBeDisabled();
  await expect(page.getByText("Nothing to deploy: no pending changes.")).toBeVisible();

  // Upload a good NDJSON snapshot.
  await openTab(page, "Upload");
  await expect(page).toHaveURL(/tab=upload/);
  // Hold the answer back a moment so the upload phases are observable.
  const snapshotUrl = `**/api/v1/webhooks/${id}/snapshot`;
  await page.route(
    snapshotUrl,
    async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    },
    { times: 1 },
  );
  await upload(page, "books.ndjson", ndjson([{ id: "a", title: "A", year: 2001 }, { id: "b", title: "B", year: 2002 }, { id: "c", title: "C" }]));
  // Chromium may skip upload progress events for a tiny (or intercepted) body: either phase's bar shows.
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByText("Snapshot accepted: 3 documents received (NDJSON) to replace the index.")).toBeVisible();
  await expect(page.getByTestId("pending-chip").first()).toContainText("+3");

  // A bad row is refused with a table of errors and a download.
  await upload(page, "bad.ndjson", ndjson([{ id: "x", year: 1 }, { id: "y", year: "nineteen" }]));
  const errors = page.getByRole("table", { name: "Upload errors" });
  await expect(errors).toContainText("line 2");
  await expect(errors).toContainText("year");
  await expect(errors).toContainText("number");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download errors (JSON)" }).click();
  expect((await download).suggestedFilename()).toBe("bad.ndjson.errors.json");

  // Deploy: the task is enqueued and linked, not shown as live.
  await page.getByRole("button", { name: "Deploy 3 changes (replaces all)" }).click();
  // The banner follows the task: enqueued first, then whatever the deploy worker makes of it.
  await expect(page.getByRole("link", { name: /Deploy task #\d+ (enqueued|processing|succeeded)/ })).toBeVisible();

  await openTab(page, "Tasks");
  const tasks = page.getByRole("table", { name: "Tasks" });
  await expect(tasks.getByRole("cell", { name: "deploy", exact: true })).toBeVisible();
  await expect(tasks.getByRole("cell", { name: "snapshot", exact: true })).toBeVisible();

  // A type change the pending documents do not fit is refused at once (checked before any confirmation), with the details.
  await openTab(page, "Schema");
  // The stored schema's key order is the database's (jsonb), so find the row by its name.
  const yearRow = page.getByRole("group").filter({ has: page.locator('input[value="year"]') });
  await yearRow.getByLabel(/^Type of property/).selectOption("string");
  await expect(page.getByText("Type change number → string")).toBeVisible();
  await page.getByRole("button", { name: "Save schema" }).click();
  await expect(page.getByText(/Schema change refused/)).toBeVisible();
  await expect(page.getByRole("alertdialog", { name: "Change property types?" })).toHaveCount(0);
  const mismatch = page.getByRole("table", { name: "Documents that do not fit" });
  await expect(mismatch).toContainText("year");
  await expect(mismatch).toContainText("string");

  // Delete with the typed confirmation.
  await openTab(page, "Settings");
  await page.getByRole("button", { name: "Delete index" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete index Books ${id}?` });
  await expect(dialog.getByRole("button", { name: "Delete index" })).toBeDisabled();
  await dialog.getByLabel(`Type ${id} to confirm`).fill(id);
  await dialog.getByRole("button", { name: "Delete index" }).click();
  await expect(page).toHaveURL(/\/indexes$/);
  await expect(page.getByRole("link", { name: `Books ${id}` })).toHaveCount(0);
});
