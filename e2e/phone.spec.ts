// The dashboard at phone width (390 × 844): no page scrolls sideways (wide tables scroll inside their own
// box), Sign out stays in view, the menu drops down over the content and its links can be clicked; plus
// /favicon.ico and the dashboard's own 404 for an unknown path.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 } });

const ID = `phone${Date.now().toString(36)}`;

async function expectFitsPhone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  // On failure, name what sticks out (and which scroll boxes it sits in).
  const culprits = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right <= window.innerWidth + 0.5) continue;
      let clipped = "";
      for (let a = el.parentElement; a; a = a.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(a).overflowX)) clipped += `${a.tagName}.${String(a.className).slice(0, 50)} w=${Math.round(a.getBoundingClientRect().width)};`;
      out.push(`${el.tagName}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} in=${clipped} text=${(el.textContent ?? "").slice(0, 40)}`);
    }
    return out.slice(0, 12);
  });
  expect(widths.scroll, `${path} is ${widths.scroll} px wide in a ${widths.inner} px window: ${culprits.join(" | ")}`).toBeLessThanOrEqual(widths.inner);
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  await expect(signOut).toBeInViewport({ ratio: 1 });
}

async function seed(request: APIRequestContext) {
  expect((await request.post("/api/v1/indexes", { data: { id: ID, name: `Phone ${ID}`, schema: { title: "string" } } })).status()).toBe(201);
  // A hook with a long URL and a key: the two tables the issue saw make the page scroll sideways.
  const bin = await (await request.post("/api/v1/inspect")).json();
  const longUrl = `${bin.url}?${"segment=averyveryverylongvalue&".repeat(4)}end=1`;
  expect((await request.post("/api/v1/hooks", { data: { kind: "changes", url: longUrl } })).status()).toBe(201);
  expect((await request.post("/api/v1/keys", { data: { name: `Phone key ${ID}`, actions: ["search"], indexes: [ID] } })).status()).toBe(201);
}

test("every main page fits 390 px, Sign out in view", async ({ page, request }) => {
  await seed(request);
  for (const path of ["/overview", "/indexes", `/indexes/${ID}`, "/hooks", "/developer-tools", "/settings"]) {
    await expectFitsPhone(page, path);
  }
  // The tables are there, and wider than the phone: they scroll inside their own box.
  await page.goto("/hooks");
  await expect(page.getByTestId("hook-row").first()).toBeVisible();
  await page.screenshot({ path: "test-results/phone-hooks.png" });
  await page.goto("/developer-tools");
  await expect(page.getByRole("row").filter({ hasText: `Phone key ${ID}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("the menu opens over the content and its links work", async ({ page }) => {
  await page.goto("/overview");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeInViewport();
  const heading = page.getByRole("heading", { level: 1 }).first();
  const before = (await heading.boundingBox())!;
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  // It drops down from the bar, over the page: the bar stays above it and the content does not move.
  const bar = (await page.getByRole("banner").boundingBox())!;
  const panel = (await page.locator("#mobile-menu").boundingBox())!;
  expect(panel.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect((await heading.boundingBox())!.y).toBe(before.y);
  await page.screenshot({ path: "test-results/phone-menu.png" });
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" });
  await expect(link).toBeInViewport();
  // What sits on top at the link's centre is the link itself (not the bar or the page under the menu).
  const box = (await link.boundingBox())!;
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest("a")?.getAttribute("href") ?? null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(onTop).toBe("/hooks");
  await link.click();
  await expect(page).toHaveURL(/\/hooks$/);
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("/favicon.ico answers 200 and an unknown path shows the dashboard's 404", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
  // Unknown API paths keep answering in the error envelope, inside /api/v1 and outside it.
  for (const path of ["/api/no-such-route", "/api/v1/no-such-route"]) {
    const api = await request.get(path);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
  }

  const res = await page.goto("/no-such-page/here");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // Inside the dashboard's shell: its bar and Sign out are there, and the way back works.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/overview$/);

  // A hook UUID that does not exist gets the same page.
  const missing = await page.goto("/hooks/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
