// Users through the dashboard: an admin invites a member, copies the shown-once link; the invitee opens
// it in a fresh browser, sets a password and lands signed in as a member; the admin sees them in
// Members and makes them a viewer (with Undo on offer). The invitee renames themselves on Profile.
import { expect, test } from "@playwright/test";

const suffix = Date.now().toString(36);
const INVITEE = { email: `newbie-${suffix}@example.com`, name: "Nora Newbie", password: "nora-password-1" };

test("invite a member who accepts, signs in, is made a viewer, and renames themselves", async ({ page, context, browser }) => {
  test.slow(); // two browsers and a dozen round trips: 60 s is short on a busy 2-core machine
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // The only admin cannot demote, disable or delete themselves; the tooltip says why.
  const meRow = page.getByTestId("user-row-eve@example.com");
  await expect(meRow.getByRole("button", { name: /^Delete/ })).toBeDisabled();
  await expect(meRow.locator("[title*='last active admin']").first()).toBeVisible();
  // …and says it on screen, not only on hover: the disabled buttons point at the visible hint.
  await expect(meRow.getByTestId("user-row-hint")).toHaveText("Last active admin: make someone else an admin to change this.");
  await expect(meRow.getByRole("button", { name: /^Delete/ })).toHaveAccessibleDescription(/Last active admin/);
  await expect(meRow.getByRole("button", { name: /^Disable/ })).toHaveAttribute("title", /last active admin/);

  // Invite.
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill("not-an-email");
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  await expect(dialog.getByText("a valid email address")).toBeVisible();
  await dialog.getByLabel("Email").fill(INVITEE.email);
  await dialog.getByLabel("Role").selectOption("member");
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const once = page.getByRole("dialog", { name: `Invite link for ${INVITEE.email}` });
  await expect(once).toContainText("You won't see this link again");
  const link = (await once.getByLabel("Invite link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/ihi_[A-Za-z0-9_-]{32,}$/);
  await once.getByRole("button", { name: "Copy link" }).click();
  await expect(once.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(link);
  await once.getByRole("button", { name: "Done" }).click();
  await expect(once).toBeHidden();
  expect(await page.content()).not.toContain(link);

  // The Invited tab lists it (the tab is in the URL).
  await page.getByRole("tab", { name: /Invited/ }).click();
  await expect(page).toHaveURL(/tab=invited/);
  const inviteRow = page.getByRole("row").filter({ hasText: INVITEE.email });
  await expect(inviteRow).toContainText("Member");
  await expect(inviteRow).toContainText("Eve Admin");

  // The invitee, in a fresh browser with no session, accepts.
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const g = await guest.newPage();
  await g.goto(copied);
  await expect(g.getByTestId("invite-summary")).toContainText(INVITEE.email);
  await expect(g.getByTestId("invite-summary")).toContainText("Member");
  await g.getByLabel("Your name").fill(INVITEE.name);
  await g.getByLabel(/^Password/).fill(INVITEE.password);
  await g.getByLabel("Confirm password").fill("something-else");
  await g.getByRole("button", { name: "Create account" }).click();
  await expect(g.getByText("the passwords do not match")).toBeVisible();
  await g.getByLabel("Confirm password").fill(INVITEE.password);
  await g.getByRole("button", { name: "Create account" }).click();
  await expect(g).toHaveURL(/\/overview$/);
  await expect(g.getByTestId("current-user")).toContainText(INVITEE.name);
  expect(await (await g.request.get("/api/v1/me")).json()).toMatchObject({ email: INVITEE.email, role: "member" });

  // The link is spent: opening it again says so.
  const again = await guest.newPage();
  await again.goto(copied);
  await expect(again.getByTestId("invite-dead")).toContainText("not valid");
  await again.close();

  // The admin sees the new member and makes them a viewer, in place.
  await page.goto("/users");
  const row = page.getByTestId(`user-row-${INVITEE.email}`);
  await expect(row).toContainText(INVITEE.name);
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell").nth(4)).not.toHaveText("Never");
  await row.getByLabel(`Role of ${INVITEE.name}`).selectOption("viewer");
  const toast = page.getByRole("status").filter({ hasText: `${INVITEE.name} is now viewer` });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(row.getByLabel(`Role of ${INVITEE.name}`)).toHaveValue("viewer");
  // Undo puts it back; then make them a viewer for good.
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(row.getByLabel(`Role of ${INVITEE.name}`)).toHaveValue("member");
  await expect(page.getByRole("status").filter({ hasText: `${INVITEE.name} is now member` })).toBeVisible();
  await row.getByLabel(`Role of ${INVITEE.name}`).selectOption("viewer");
  await expect(page.getByRole("status").filter({ hasText: `${INVITEE.name} is now viewer` })).toBeVisible();
  // It takes effect at once for the invitee's existing session.
  expect((await g.request.get("/api/v1/me")).ok()).toBe(true);
  expect(await (await g.request.get("/api/v1/me")).json()).toMatchObject({ role: "viewer" });
  expect((await g.request.post("/api/v1/keys", { data: { name: "nope", actions: ["search"] } })).status()).toBe(403);
  await g.goto("/users");
  await expect(g.getByTestId("needs-role")).toBeVisible();

  // The invitee's Profile: rename.
  await g.goto("/profile");
  await expect(g.getByTestId("profile-email")).toHaveText(INVITEE.email);
  await g.getByLabel("Name", { exact: true }).fill("Nora N.");
  await g.getByRole("button", { name: "Save name" }).click();
  await expect(g.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(g.getByTestId("current-user")).toContainText("Nora N.");
  await g.reload();
  await expect(g.getByLabel("Name", { exact: true })).toHaveValue("Nora N.");

  // The admin's list follows; disabling (after a confirm that says so) ends the invitee's session at once.
  await page.reload();
  const renamed = page.getByTestId(`user-row-${INVITEE.email}`);
  await expect(renamed).toContainText("Nora N.");
  await renamed.getByRole("button", { name: "Disable Nora N." }).click();
  const confirm = page.getByRole("alertdialog", { name: "Disable Nora N.?" });
  await expect(confirm).toContainText("signed out everywhere at once");
  await confirm.getByRole("button", { name: "Disable user" }).click();
  await expect(confirm).toBeHidden();
  await expect(renamed).toContainText("Disabled");
  expect((await g.request.get("/api/v1/me")).status()).toBe(401);
  await renamed.getByRole("button", { name: "Enable Nora N." }).click();
  await page.getByRole("alertdialog", { name: "Enable Nora N.?" }).getByRole("button", { name: "Enable user" }).click();
  await expect(renamed).toContainText("Active");
  await guest.close();
});
