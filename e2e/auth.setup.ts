// First-run setup through the UI on an empty instance; saves the admin's session for the other specs.
import { expect, test as setup } from "@playwright/test";
import { ADMIN } from "./fixtures";

setup("first visit leads to setup, which creates the admin and signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Indexhook" })).toBeVisible();
  // Client-side validation messages come from the server's zod schema.
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel(/^Password/).fill("short");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("a valid email address")).toBeVisible();
  await expect(page.getByText("at least 8 characters")).toBeVisible();
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("current-user")).toContainText(ADMIN.name);
  await page.context().storageState({ path: "e2e/.auth/admin.json" });
  // Setup is gone once a user exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$|\/overview$/);
});
