// The tasks page: filters live in the URL, and a task opens its JSON.
import { expect, test } from "@playwright/test";

test("filter tasks by type and status through the UI; the URL keeps the filters", async ({ page, request }) => {
  const id = `tasks-${Date.now().toString(36)}`;
  const created = await request.post("/api/v1/indexes", { data: { id, name: `Tasks ${id}`, schema: { title: "string" } } });
  expect(created.status()).toBe(201);
  const snap = await request.post(`/api/v1/webhooks/${id}/snapshot`, { data: [{ id: "1", title: "one" }] });
  expect(snap.ok()).toBeTruthy();
  const deploy = await request.post(`/api/v1/webhooks/${id}/deploy`);
  const { taskUid } = await deploy.json();

  await page.goto("/tasks");
  await page.getByLabel("Index").selectOption(id);
  await expect(page).toHaveURL(new RegExp(`indexUids=${id}`));
  await page.getByLabel("Type").selectOption("deploy");
  await expect(page).toHaveURL(/types=deploy/);
  const table = page.getByRole("table", { name: "Tasks" });
  await expect(table.getByRole("cell", { name: "snapshot", exact: true })).toHaveCount(0);
  await expect(table.getByRole("cell", { name: "deploy", exact: true })).toHaveCount(1);

  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/statuses=failed/);
  await expect(page.getByText("No task matches these filters")).toBeVisible();

  // Back restores the previous filter, and the row opens its JSON in a deep-linkable sheet.
  await page.goBack();
  await expect(page).not.toHaveURL(/statuses=failed/);
  await page.getByRole("button", { name: `Task #${taskUid} details` }).click();
  await expect(page).toHaveURL(new RegExp(`task=${taskUid}`));
  const sheet = page.getByRole("dialog", { name: `Task #${taskUid}` });
  // Labelled fields in words; the JSON behind a disclosure.
  await expect(sheet).toContainText(`deploy on ${id}`);
  await expect(sheet.getByRole("term").filter({ hasText: "Duration" })).toBeVisible();
  await sheet.getByText("Raw JSON (as the API returns it)").click();
  await expect(sheet).toContainText('"type": "deploy"');
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/task=/);

  // A task arriving while the list is open does not push rows down: a pill counts it, a click shows it.
  await page.goto(`/tasks?indexUids=${id}`);
  await expect(page.getByRole("table", { name: "Tasks" }).getByRole("row")).toHaveCount(3);
  await request.post(`/api/v1/webhooks/${id}/notify`, { data: { remove: ["1"] } });
  await page.getByRole("button", { name: "1 new task · show" }).click();
  await expect(page.getByRole("table", { name: "Tasks" }).getByRole("cell", { name: "notify", exact: true })).toBeVisible();
});

test("overview cards open the filtered lists; the list shows the pending chip", async ({ page, request }) => {
  const id = `pending-${Date.now().toString(36)}`;
  await request.post("/api/v1/indexes", { data: { id, name: `Pending ${id}`, schema: { title: "string" } } });
  await request.post(`/api/v1/webhooks/${id}/notify`, { data: { upsert: [{ id: "1", title: "one" }], remove: ["gone"] } });

  await page.goto("/overview");
  await page.getByRole("link", { name: /^With pending changes: \d+/ }).click();
  await expect(page).toHaveURL(/\/indexes\?pending=1$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Pending ${id}` }) });
  // Counted against the live version: removing a document that is not live removes nothing.
  await expect(row.getByTestId("pending-chip")).toHaveText(/\+1\s*~0\s*−0/);
  await expect(row).toContainText("Not deployed");

  await page.goto("/overview");
  await page.getByRole("link", { name: /^Failed tasks: \d+/ }).click();
  await expect(page).toHaveURL(/\/tasks\?statuses=failed$/);
  await expect(page.getByLabel("Status")).toHaveValue("failed");
});
