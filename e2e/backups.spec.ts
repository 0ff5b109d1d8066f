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
  await card.getByLabel("Passphrase").fill("short");
  await card.getByRole("button", { name: "Create dump" }).click();
  await expect(card.getByText("at least 12 characters")).toBeVisible();
  await card.getByLabel("Passphrase").fill("a long enough passphrase");
  await card.getByRole("button", { name: "Create dump" }).click();
  // The progress bar shows while the task runs (it may be quick: either it or the finished row).
  await expect(card.getByTestId("dump-progress").or(card.getByRole("link", { name: /^Download dump/ }).first())).toBeVisible();
  const link = card.getByRole("link", { name: /^Download dump/ }).first();
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(card.getByTestId("dump-progress")).toHaveCount(0);
  const row = card.getByRole("row").filter({ has: link });
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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
