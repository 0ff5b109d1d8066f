// Every refused range and host encoding, with a canary listener on loopback proving nothing connects.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkUrl, refusalReason, SsrfError } from "./ssrf";
import { safeRequest } from "./outbound";

let canary: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  canary = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((r) => canary.listen(0, "127.0.0.1", r));
  port = (canary.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => canary.close(() => r())));

const REFUSED_ADDRESSES = [
  "127.0.0.1", "127.255.0.9", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
  "100.64.0.1", "100.127.255.254", "169.254.169.254", "169.254.0.1", "192.0.0.8", "198.18.0.1", "198.19.255.1",
  "240.0.0.1", "224.0.0.1", "239.255.255.250", "255.255.255.255",
  "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "fc00::1", "fd12:3456::1",
  "fe80::1", "64:ff9b::7f00:1", "2002:7f00:1::1", "ff02::1", "2001:db8::1",
];

describe("refusalReason", () => {
  it.each(REFUSED_ADDRESSES)("refuses %s", (a) => {
    expect(refusalReason(a)).toMatch(/ is in |maps to/);
  });

  it("names the address and the range", () => {
    expect(refusalReason("10.1.2.3")).toBe("10.1.2.3 is in 10.0.0.0/8 (private, RFC 1918)");
    expect(refusalReason("::ffff:127.0.0.1")).toContain("127.0.0.0/8 (loopback)");
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.215.14"])("lets the public %s through", (a) => {
    expect(refusalReason(a)).toBeNull();
  });

  it("an exact allowance opens only what it lists", () => {
    expect(refusalReason("127.0.0.1", ["127.0.0.1/32"])).toBeNull();
    expect(refusalReason("127.0.0.2", ["127.0.0.1/32"])).not.toBeNull();
    expect(refusalReason("10.9.9.9", ["10.0.0.0/8"])).toBeNull();
    expect(refusalReason("::ffff:127.0.0.1", ["127.0.0.1"])).toBeNull();
    expect(refusalReason("::1", ["127.0.0.0/8"])).not.toBeNull();
  });
});

describe("checkUrl and safeRequest refuse before connecting", () => {
  const urls = () => [
    `http://127.0.0.1:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://127.1:${port}/`,
    `http://[::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::ffff:7f00:1]:${port}/`,
    `http://localhost:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://10.0.0.1:${port}/`,
    `http://169.254.169.254/latest/meta-data/`,
  ];

  it("refuses every loopback/private encoding with an SsrfError and no connection", async () => {
    for (const u of urls()) {
      await expect(checkUrl(u), u).rejects.toBeInstanceOf(SsrfError);
      await expect(safeRequest(u, { body: "x" }), u).rejects.toBeInstanceOf(SsrfError);
    }
    expect(connections).toBe(0);
  });

  it("reports the normalised address", async () => {
    await expect(checkUrl(`http://0x7f.1:${port}/`)).rejects.toThrow(/127\.0\.0\.1 is in 127\.0\.0\.0\/8 \(loopback\)/);
    await expect(checkUrl("http://localhost/")).rejects.toThrow(/Refused localhost: .*loopback/);
  });

  it("a refusal is permanent; a host that does not resolve is not", async () => {
    expect(await checkUrl(`http://127.0.0.1:${port}/`).catch((e: SsrfError) => e.permanent)).toBe(true);
    expect(await checkUrl("ftp://example.com/").catch((e: SsrfError) => e.permanent)).toBe(true);
    expect(await checkUrl("http://no-such-host.invalid/").catch((e: SsrfError) => e.permanent)).toBe(false);
  });

  it("refuses other schemes and credentials in the URL", async () => {
    await expect(checkUrl("ftp://example.com/")).rejects.toThrow(/Only http and https/);
    await expect(checkUrl("file:///etc/passwd")).rejects.toThrow(/Only http and https/);
    await expect(checkUrl("http://u:p@example.com/")).rejects.toThrow(/credentials/);
    await expect(checkUrl("not a url")).rejects.toThrow(/Invalid URL/);
  });

  it("accepts a public IP literal without resolving", async () => {
    const r = await checkUrl("https://1.1.1.1/x");
    expect(r).toMatchObject({ address: "1.1.1.1", family: 4 });
  });
});
