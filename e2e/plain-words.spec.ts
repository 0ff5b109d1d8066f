// Issue 16 item 10 as a user meets it: the dashboard says things in plain words. An upload's receipt is a
// sentence, refused rows are counted from 1 and show the value that did not fit, a task reads as labelled
// fields with durations in ms/s (its JSON one click away), a superseded task says what replaced it, and
// the hook form names its event kinds without jargon.
import { expect, test, type Page } from "@playwright/test";

const unique = (p: string) => `${p}-${Date.now().toString(36)}`;

async function uploadSnapshot(page: Page, name: string, docs: unknown[]) {
  await page.getByLabel("Documents file (JSON array or NDJSON)").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(docs)) });
  await page.getByRole("radio", { name: "Replace all (snapshot)" }).check();
  await page.getByRole("button", { name: "Upload snapshot" }).click();
}

test("upload receipts, refused rows and tasks read as plain sentences", async ({ page, request }) => {
  const id = unique("words");
  expect((await request.post("/api/v1/indexes", { data: { id, name: `Words ${id}`, schema: { title: "string", year: "number" } } })).status()).toBe(201);

  // A refused JSON upload: positions count from 1 ("document 3", not "[2]") and the value is shown.
  await page.goto(`/indexes/${id}?tab=upload`);
  await uploadSnapshot(page, "bad.json", [{ id: "a", year: 1 }, { id: "b", year: 2 }, { id: "c", year: "abc" }]);
  const errors = page.getByRole("table", { name: "Upload errors" });
  const row = errors.getByRole("row").filter({ hasText: "year" });
  await expect(row.getByRole("cell")).toHaveText(["document 3", "year", "number", '"abc"']);
  await expect(errors).not.toContainText("[2]");

  // An accepted one is a sentence, not "format json, receivedDocuments 2".
  await uploadSnapshot(page, "good.json", [{ id: "a", year: 1 }, { id: "b", year: 2 }]);
  await expect(page.getByText("Snapshot accepted: 2 documents received (JSON) to replace the index.")).toBeVisible();
  await expect(page.getByText(/receivedDocuments|format json/)).toHaveCount(0);

  // A notify superseded by a later snapshot, then a deploy: the notify's task says what replaced it.
  const notify = (await (await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: "n", year: 3 }] } })).json()).taskUid as number;
  const snapshot = (await (await request.post(`/api/v1/webhooks/${id}/snapshot`, { data: [{ id: "s", year: 4 }] })).json()).taskUid as number;
  const deploy = (await (await request.post(`/api/v1/webhooks/${id}/deploy`)).json()).taskUid as number;
  await expect
    .poll(async () => (await (await request.get(`/api/v1/tasks/${deploy}`)).json()).status, { timeout: 30_000 })
    .toBe("succeeded");

  await page.goto(`/tasks?indexUids=${id}`);
  const table = page.getByRole("table", { name: "Tasks" });
  await expect(table.getByTestId(`task-row-${notify}`)).toContainText(`Replaced by task #${snapshot} before deploy`);
  await expect(table.getByTestId(`task-row-${snapshot}`)).toContainText("Documents received: 1");
  await expect(table.getByTestId(`task-row-${deploy}`)).toContainText("Documents live: 1");
  await expect(table).not.toContainText("supersededBy");
  await expect(table).not.toContainText(/PT[\d.]+S/);

  await page.getByRole("button", { name: `Task #${notify} details` }).click();
  const sheet = page.getByRole("dialog", { name: `Task #${notify}` });
  await expect(sheet.getByText(`Task #${snapshot}`)).toBeVisible();
  await expect(sheet).toContainText("replaced these changes before they were deployed, so none of them went live.");
  const fields = sheet.getByRole("definition");
  await expect(sheet.getByRole("term").filter({ hasText: "To add or replace" })).toBeVisible();
  await expect(fields.filter({ hasText: /^(\d+ ms|[\d.]+ s|\d+ min \d+ s)$/ })).toHaveCount(1);
  // The JSON is still there for those who want it, behind a disclosure.
  const raw = sheet.getByText("Raw JSON (as the API returns it)");
  await expect(sheet.getByText(`"supersededBy": ${snapshot}`)).toBeHidden();
  await raw.click();
  await expect(sheet.getByText(`"supersededBy": ${snapshot}`)).toBeVisible();
  await expect(sheet.getByText(/"duration": "PT[\d.]+S"/)).toBeVisible();
  await page.keyboard.press("Escape");

  await request.delete(`/api/v1/indexes/${id}`);
});

test("the hook form names the event kinds without jargon", async ({ page }) => {
  await page.goto("/hooks?edit=new");
  const sheet = page.getByRole("dialog", { name: "New webhook" });
  const options = sheet.getByLabel("Events").locator("option");
  // allTextContents() does not wait: wait for the form to render its options first.
  await expect(options.first()).toHaveText("Document changes (JSON: each added, changed or removed document)");
  for (const k of await options.allTextContents()) expect(k).not.toMatch(/Dexie/);
});
