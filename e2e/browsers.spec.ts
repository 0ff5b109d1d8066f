// Browsers on purpose, from a page on ANOTHER origin (a tiny node:http server on a free loopback port;
// the app is on its own port, so a different origin): the Orama SDK and fetch() search with a public
// key, a key limited to other origins is refused with a 403 the page can read, and the dashboard
// cannot be framed. The limited key is made in the Developer tools dialog and shown in the list.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const ID = `cors-${Date.now().toString(36)}`;
const SDK = fs.readFileSync(path.join(process.cwd(), "node_modules/@oramacloud/client/dist/index.global.js"));

let foreign: http.Server;
let foreignUrl: string;
let appUrl: string;

test.beforeAll(async () => {
  foreign = http.createServer((req, res) => {
    if (req.url === "/orama.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(SDK);
    if (req.url?.startsWith("/frame")) {
      const src = new URL(req.url, "http://x").searchParams.get("src")!;
      return res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>shop</title><iframe id="f" src="${src}"></iframe>`);
    }
    if (req.url === "/inner") return res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><p>framed fine</p>");
    res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><title>shop</title><script src="/orama.js"></script><p>shop</p>');
  });
  await new Promise<void>((r) => foreign.listen(0, "127.0.0.1", r));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});
test.afterAll(async () => new Promise<void>((r) => foreign.close(() => r())));

async function deployedIndex(request: APIRequestContext) {
  expect((await request.post("/api/v1/indexes", { data: { id: ID, name: ID, schema: { title: "string" } } })).status()).toBe(201);
  await request.post(`/api/v1/webhooks/${ID}/snapshot`, { data: [{ id: "1", title: "Alien" }, { id: "2", title: "Heat" }] });
  const { taskUid } = await (await request.post(`/api/v1/webhooks/${ID}/deploy`)).json();
  await expect.poll(async () => (await (await request.get(`/api/v1/tasks/${taskUid}`)).json()).status, { timeout: 30_000 }).toBe("succeeded");
}

async function createKeyInDialog(page: Page, name: string, origins: string): Promise<string> {
  await page.goto("/developer-tools");
  await page.getByRole("button", { name: "Create key", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Create API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("radio", { name: /Public key/ }).check();
  await form.getByLabel("Allowed origins (optional)").fill(origins);
  await form.getByRole("button", { name: "Create key" }).click();
  const once = page.getByRole("dialog", { name: /Your new key/ });
  const key = (await once.getByLabel("New API key").textContent())!.trim();
  await once.getByRole("button", { name: "Done" }).click();
  await page.getByRole("alertdialog", { name: "You won't see this key again" }).getByRole("button", { name: "I copied it" }).click();
  return key;
}

test("a page on another origin searches with a public key; a key limited to other origins gets a readable 403", async ({ page, baseURL }) => {
  appUrl = baseURL!;
  await deployedIndex(page.request);
  const open = (await (await page.request.post("/api/v1/keys", { data: { name: `open ${ID}`, actions: ["search"], indexes: [ID] } })).json()).key as string;

  // Limited to a shop that is not the page below; the dialog normalises what was typed.
  const limited = await createKeyInDialog(page, `shop ${ID}`, "https://SHOP.example/\nhttps://*.example.com");
  const row = page.getByRole("row", { name: new RegExp(`shop ${ID}`) });
  await expect(row.getByText("origin: https://shop.example", { exact: true })).toBeVisible();
  await expect(row.getByText("origin: https://*.example.com", { exact: true })).toBeVisible();

  await page.goto(foreignUrl);
  const result = await page.evaluate(
    async ({ appUrl, id, open, limited }) => {
      const endpoint = `${appUrl}/api/v1/indexes/${id}`;
      const post = (key: string) =>
        fetch(`${endpoint}/search`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ term: "alien" }) });
      const ok = await post(open);
      const refused = await post(limited);
      // The SDK as a customer's page uses it (its global build), telemetry off.
      const { OramaClient } = (window as unknown as { OramaClient: { OramaClient: new (o: object) => { search(p: object): Promise<{ count: number }> } } }).OramaClient;
      const sdk = await new OramaClient({ endpoint, api_key: open, telemetry: false }).search({ term: "heat" });
      return { origin: location.origin, ok: { status: ok.status, body: await ok.json() }, refused: { status: refused.status, body: await refused.json() }, sdkCount: sdk.count };
    },
    { appUrl, id: ID, open, limited },
  );
  expect(result.origin).not.toBe(new URL(appUrl).origin);
  expect(result.ok.status).toBe(200);
  expect(result.ok.body.count).toBe(1);
  expect(result.sdkCount).toBe(1);
  expect(result.refused.status).toBe(403);
  expect(result.refused.body.error.code).toBe("origin_not_allowed");
  expect(result.refused.body.error.details.origin).toBe(result.origin);
});

test("the dashboard cannot be framed by another origin", async ({ page, baseURL }) => {
  const refusals: string[] = [];
  page.on("console", (m) => refusals.push(m.text()));
  // Control: the same page frames a page of its own origin fine, so a blocked frame is the headers' doing.
  await page.goto(`${foreignUrl}/frame?src=${encodeURIComponent(`${foreignUrl}/inner`)}`);
  await expect(page.frameLocator("#f").getByText("framed fine")).toBeVisible();

  for (const target of ["/login", "/overview", "/developer-tools"]) {
    await page.goto(`${foreignUrl}/frame?src=${encodeURIComponent(baseURL + target)}`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeTruthy();
    await page.waitForLoadState("load");
    // Blocked by X-Frame-Options/frame-ancestors: Chromium shows its error page, none of ours.
    await expect.poll(() => frame!.url()).not.toContain(new URL(baseURL!).host);
    expect(await frame!.getByRole("button", { name: /Sign in|Create key/ }).count()).toBe(0);
  }
  expect(refusals.join("\n")).toMatch(/frame-ancestors|X-Frame-Options/i);
});
