// Dark mode is readable (issue 16: "the e2e suite also runs one pass with prefers-color-scheme: dark").
// Runs only in the `dark` project (colorScheme: "dark", no stored theme choice, so the dashboard follows
// the system): every main page is dark, and the text on it stands out from what is painted under it.
// The floor is WCAG's 3:1 (large text, UI components) for every text, 4.5:1 for headings and body copy.
import { expect, test } from "@playwright/test";
import { lowContrast } from "./contrast";

const ID = `dark${Date.now().toString(36)}`;
let hook = "";

test.beforeAll(async ({ request }) => {
  expect((await request.post("/api/v1/indexes", { data: { id: ID, name: `Dark ${ID}`, schema: { title: "string", year: "number" } } })).status()).toBe(201);
  await request.post(`/api/v1/webhooks/${ID}/snapshot`, { data: [{ id: "1", title: "Alien", year: 1979 }, { id: "2", title: "Heat", year: 1995 }] });
  await request.post(`/api/v1/webhooks/${ID}/deploy`);
  const bin = await (await request.post("/api/v1/inspect")).json();
  hook = (await (await request.post("/api/v1/hooks", { data: { url: bin.url, filters: { indexes: [ID] } } })).json()).uuid;
});
test.afterAll(async ({ request }) => {
  if (hook) await request.delete(`/api/v1/hooks/${hook}`);
  await request.delete(`/api/v1/indexes/${ID}`);
});

const PAGES = () => [
  "/overview",
  "/indexes",
  `/indexes/${ID}`,
  `/indexes/${ID}?tab=deployments`,
  `/indexes/${ID}?tab=upload`,
  "/hooks",
  `/hooks/${hook}`,
  `/hooks/${hook}?tab=metrics`,
  "/tasks",
  "/developer-tools",
  "/users",
  "/settings",
  "/audit",
  "/profile",
];

test("every main page follows the system's dark scheme and its text is readable", async ({ page }) => {
  test.slow(); // fourteen pages, each measured element by element
  expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
  const failures: string[] = [];
  for (const path of PAGES()) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    // Let queries settle so what is measured is the page a user reads, not a loading state.
    await page.waitForLoadState("networkidle");
    const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(body, path).not.toBe("rgb(255, 255, 255)");
    for (const f of await lowContrast(page, "body", 3)) failures.push(`${path}: <${f.tag}> "${f.text}" ${f.ratio}:1 (${f.color} on ${f.background})`);
    for (const f of await lowContrast(page, "main h1, main h2, main p, main td, main label", 4.5)) {
      failures.push(`${path}: <${f.tag}> "${f.text}" ${f.ratio}:1 < 4.5 (${f.color} on ${f.background})`);
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
});
