// Settings → Backups end to end: an admin creates a dump with hook secrets encrypted, watches the
// progress bar until it is done, sees it listed and downloads it (a gzip'd NDJSON file whose first line
// is the dump header); the same at a phone's width.
import zlib from "node:zlib";
import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("create a dump with encrypted secrets, watch its progress, download it", async ({ page }) => {
  await page.goto("/settings");
  const card = page.getByTestId("backups");
  await expect(card.getByRole("heading", { name: "Backups" })).toBeVisible();
  await card.getByRole("radio", { name: /^Encrypt with a passphrase/ }).check();
  const passphrase = card.getByRole("textbox", { name: "Passphrase" });
  await passphrase.fill("short");
  await card.getByRole("button", { name: "Create dump" }).click();
  await expect(card.getByText("at least 12 characters")).toBeVisible();
  await passphrase.fill("a long enough passphrase");
  await card.getByRole("button", { name: "Create dump" }).click();
  // The progress bar shows while the task runs (it may be quick: either it or the finished row).
  await expect(card.getByTestId("dump-progress").or(card.getByRole("link", { name: /^Download dump/ }).first())).toBeVisible();
  // Newest first: the first row under the header is this dump.
  const row = card.getByRole("row").nth(1);
  const link = row.getByRole("link", { name: /^Download dump/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId("dump-progress")).toHaveCount(0);
  await expect(row.getByText("succeeded")).toBeVisible();
  await expect(row.getByText("encrypted")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^indexhook-\d{8}-\d{9}\.ndjson\.gz$/);
  const file = await download.path();
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
  expect(JSON.parse(text.split("\n")[0])).toMatchObject({ t: "header", format: "indexhook-dump", secrets: "encrypt" });
  expect(text).toContain('"t":"users"');

  // The task is on the Tasks page as an instance-wide dumpCreation.
  await page.goto("/tasks");
  await expect(page.getByRole("cell", { name: "dumpCreation" }).first()).toBeVisible();
});

test("the Backups card works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  const card = page.getByTestId("backups");
  await expect(card.getByRole("button", { name: "Create dump" })).toBeVisible();
  await card.getByRole("button", { name: "Create dump" }).click();
  await expect(card.getByRole("row").filter({ hasText: "left out" }).getByRole("link", { name: /^Download dump/ })).toBeVisible({ timeout: 30_000 });
  // Within the 390 px page with nothing overflowing sideways (the table scrolls in its own box; the
  // shell's header is not this card's to check).
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await card.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
});
