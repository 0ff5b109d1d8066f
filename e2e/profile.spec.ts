// Profile: a member changes their password on the Profile page (a wrong current one is refused in the
// form), stays signed in, and signs in again with the new password only.
import { expect, test } from "@playwright/test";
import { E2E_MASTER_KEY } from "../playwright.config";

const suffix = Date.now().toString(36);
const USER = { email: `profile-${suffix}@example.com`, name: `Pat Profile ${suffix}`, password: "first-password-1" };

test.use({ storageState: { cookies: [], origins: [] } });

test("change the password on the Profile page, then sign in with the new one only", async ({ page, request }) => {
  const invite = await request.post("/api/v1/invites", { headers: { authorization: `Bearer ${E2E_MASTER_KEY}` }, data: { email: USER.email, role: "member" } });
  expect(invite.status(), await invite.text()).toBe(201);
  const accepted = await request.post("/api/v1/invites/accept", { data: { token: (await invite.json()).token, name: USER.name, password: USER.password } });
  expect(accepted.status()).toBe(201);

  await page.goto("/login");
  await page.getByLabel("Email").fill(USER.email);
  await page.getByLabel("Password").fill(USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);

  await page.getByTestId("current-user").click();
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password (8 characters or more)").fill("second-password-2");
  await page.getByLabel("Confirm new password").fill("second-password-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("this is not your current password")).toBeVisible();

  await page.getByLabel("Current password").fill(USER.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  // Still signed in (the page signed straight back in with the new password).
  await page.goto("/overview");
  await expect(page.getByTestId("current-user")).toContainText(USER.name);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(USER.email);
  await page.getByLabel("Password").fill(USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toBeVisible();
  await page.getByLabel("Password").fill("second-password-2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview$/);
});
