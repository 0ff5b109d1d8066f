// Issue 16 items 12 and 14: one date format (relative text, absolute local time on hover), a theme
// toggle that cycles light / dark / system and says which is on, and no emoji used as icons.
import { expect, test } from "@playwright/test";

test("dates are relative with the absolute time in the title", async ({ page }) => {
  await page.goto("/users");
  // The signed-in admin's own row always has a "Member since" date.
  const when = page.locator("main time").first();
  await expect(when).toBeVisible();
  await expect(when).toHaveText(/^(just now|in a moment|\d+ (min|h|d) ago|in \d+ (min|h|d)|[A-Z][a-z]{2} \d{1,2}, \d{4})$/);
  const iso = (await when.getAttribute("datetime"))!;
  expect(Number.isNaN(Date.parse(iso))).toBe(false);
  // The title is the absolute time (date, hh:mm:ss and a zone), never the raw ISO string.
  const title = (await when.getAttribute("title"))!;
  expect(title).toMatch(/\d{4}.*\d{2}:\d{2}:\d{2}/);
  expect(title).not.toBe(iso);
  // No raw ISO timestamps anywhere in the visible text.
  expect(await page.locator("main").innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
});

test("the theme toggle cycles light, dark and system and shows the current choice", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/overview");
  await page.evaluate(() => localStorage.removeItem("theme"));
  await page.reload();
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("aria-label", "Theme: System");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-label", "Theme: Light");
  await expect(toggle).toContainText("Light");
  await expect(html).not.toHaveClass(/\bdark\b/);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-label", "Theme: Dark");
  await expect(html).toHaveClass(/\bdark\b/);
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-label", "Theme: Dark");
  await expect(html).toHaveClass(/\bdark\b/);

  await page.getByTestId("theme-toggle").click();
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-label", "Theme: System");
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("theme"))).toBeNull();
  // "System" follows the OS preference, live.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("no emoji in the visible text of the main pages", async ({ page }) => {
  for (const path of ["/overview", "/indexes", "/hooks", "/tasks", "/developer-tools", "/users", "/settings", "/audit", "/profile"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.match(/\p{Extended_Pictographic}/gu), path).toBeNull();
  }
});

test('"Enter the webhook URL first." goes away once a URL is typed', async ({ page }) => {
  await page.goto("/settings");
  const card = page.getByTestId("registration-policy");
  await card.getByRole("radio", { name: /^Webhook/ }).check();
  await card.getByLabel("Webhook URL").fill("");
  await card.getByRole("button", { name: "Send test" }).click();
  await expect(card.getByText("Enter the webhook URL first.")).toBeVisible();
  await card.getByLabel("Webhook URL").fill("https://example.com/decide");
  await expect(card.getByText("Enter the webhook URL first.")).toHaveCount(0);
  // Nothing was saved: leave the policy as it was.
  await page.reload();
  await expect(card.getByRole("radio", { name: /^Webhook/ })).not.toBeChecked();
});
