import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures";

test.describe("signing in and out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign out, a wrong password shows the error, then sign in shows the user's name", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/login/);

    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);

    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId("current-user")).toContainText(ADMIN.name);
    await expect(page.getByText("admin", { exact: true })).toBeVisible();
  });

  test("after ten wrong passwords for one email, the form says to wait (the right password too)", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("locked-out@example.com");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await page.getByLabel("Password").fill("any-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/Too many failed sign-ins for this email\. Try again in 15 minutes\./);
  });
});

test("the shell navigates every section, by click and by keyboard", async ({ page }) => {
  await page.goto("/overview");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, path] of [
    ["Indexes", "/indexes"],
    ["Webhooks", "/hooks"],
    ["Tasks", "/tasks"],
    ["Developer tools", "/developer-tools"],
    ["Users", "/users"],
    ["Settings", "/settings"],
    ["Audit log", "/audit"],
    ["Profile", "/profile"],
    ["API reference", "/api-reference"],
    ["Overview", "/overview"],
  ]) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
  }
  await page.keyboard.press("g");
  await page.keyboard.press("d");
  await expect(page).toHaveURL(/\/developer-tools$/);
});

test("the API reference renders the OpenAPI document", async ({ page }) => {
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "System" })).toBeVisible();
  await page.getByRole("button", { name: /POST\s*\/api\/v1\/setup/ }).click();
  await expect(page.getByText("Public: no authentication.").first()).toBeVisible();
});
