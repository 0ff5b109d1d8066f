// The registration policy end to end: an admin points the policy at a decision webhook (a real HTTP
// server started here on loopback), tests it, saves it; then a signed-out visitor signs up: one address
// is admitted and lands on the overview, another is refused. The policy is closed again at the end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

const PASSWORD = "signup-password-123";

async function startDecider() {
  const seen: { body: string; headers: http.IncomingHttpHeaders }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ body, headers: req.headers });
      let email = "";
      try {
        email = JSON.parse(body).email;
      } catch {
        /* not JSON: refuse */
      }
      const verdict = email === "yes@example.com" ? { ok: true, action: "prod", userData: { displayName: "Yes Person" } } : { ok: true, action: "reject" };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(verdict));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/decide`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("webhook policy: test, save, then one address is admitted and another refused", async ({ page, browser }) => {
  const decider = await startDecider();
  try {
    await page.goto("/settings");
    const card = page.getByTestId("registration-policy");
    await expect(card.getByRole("heading", { name: "Policy for new users" })).toBeVisible();
    await card.getByRole("radio", { name: /^Webhook/ }).check();
    await card.getByLabel("Webhook URL").fill(decider.url);
    await expect(card.getByTestId("policy-timeout")).toHaveText("10 s");

    // Saving an untested URL asks first; cancel and test instead.
    await card.getByRole("button", { name: "Save policy" }).click();
    const warn = page.getByRole("alertdialog", { name: "This URL has never passed a test" });
    await expect(warn).toBeVisible();
    await warn.getByRole("button", { name: "Cancel" }).click();

    await card.getByLabel("Sample payload").fill(JSON.stringify({ userId: "usr_e2eSample", email: "yes@example.com" }));
    await card.getByRole("button", { name: "Send test" }).click();
    const result = card.getByTestId("policy-test-result");
    await expect(result.getByTestId("policy-verdict")).toHaveText("Admits as member");
    await expect(result).toContainText("webhook-signature: v1,");
    await expect(result).toContainText('"email": "yes@example.com"');
    await expect(result).toContainText("Status 200");
    await expect(result).toContainText('"action": "prod"');
    // The first test generated the signing secret and shows it; a reload masks it again.
    await expect(card.getByText(/A signing secret was generated/)).toBeVisible();
    expect(decider.seen).toHaveLength(1);

    await card.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Policy for new users saved: Webhook." })).toBeVisible();
    await page.reload();
    await expect(card.getByRole("radio", { name: /^Webhook/ })).toBeChecked();
    const masked = await card.getByTestId("signing secret-value").textContent();
    expect(masked).toMatch(/^whsec_••••.{4}$/);
    expect(await page.content()).not.toMatch(/whsec_[A-Za-z0-9+/]{20,}/);

    // A fresh, signed-out browser.
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const v = await visitor.newPage();
    await v.goto("/login");
    await v.getByRole("link", { name: "Create an account" }).click();
    await expect(v).toHaveURL(/\/signup$/);
    await v.getByLabel("Your name").fill("Someone Else");
    await v.getByLabel("Email").fill("no@example.com");
    await v.getByLabel(/^Password/).fill(PASSWORD);
    await v.getByRole("button", { name: "Create account" }).click();
    await expect(v.getByTestId("signup-form").getByRole("alert")).toContainText("Access was refused.");
    await expect(v).toHaveURL(/\/signup$/);

    await v.getByLabel("Your name").fill("Given Name");
    await v.getByLabel("Email").fill("yes@example.com");
    await v.getByRole("button", { name: "Create account" }).click();
    await expect(v).toHaveURL(/\/overview$/);
    await expect(v.getByTestId("current-user")).toContainText("Yes Person");
    // A member (not an admin) sees no policy on the settings page.
    await v.goto("/settings");
    await expect(v.getByTestId("needs-role")).toContainText("admin");
    await expect(v.getByTestId("registration-policy")).toHaveCount(0);
    await visitor.close();
    expect(decider.seen.map((s) => JSON.parse(s.body).email)).toEqual(["yes@example.com", "no@example.com", "yes@example.com"]);
  } finally {
    const closed = await page.request.put("/api/v1/settings/registration", { data: { mode: "closed" } });
    expect(closed.status()).toBe(200);
    await decider.close();
  }
  // Closed again: the login page offers no sign-up, and the sign-up page says invitations only.
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const v = await visitor.newPage();
  await v.goto("/login");
  await expect(v.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(v.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await v.goto("/signup");
  await expect(v.getByTestId("signup-closed")).toContainText("by invitation only");
  await visitor.close();
});
