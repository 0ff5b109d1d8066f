// This instance's own origins come from PORT and INDEXHOOK_PUBLIC_URL only; only inspector bin paths on
// them get through, and they go to the listening server on loopback.
import { afterEach, describe, expect, it, vi } from "vitest";

const BIN = "bin_abcdefgh12";

async function load(vars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ PORT: "3000", INDEXHOOK_PUBLIC_URL: "", ...vars })) vi.stubEnv(k, v);
  return import("./own-origin");
}
afterEach(() => vi.unstubAllEnvs());

describe("own origins", () => {
  it("are the loopback spellings of PORT, plus the configured public URL", async () => {
    const m = await load({ PORT: "4123", INDEXHOOK_PUBLIC_URL: "https://search.example.com/" });
    expect(m.ownOrigins()).toEqual(["http://localhost:4123", "http://127.0.0.1:4123", "http://[::1]:4123", "https://search.example.com"]);
  });

  it("accept an inspector bin on each of them, and nothing else", async () => {
    const m = await load({ INDEXHOOK_PUBLIC_URL: "https://search.example.com" });
    for (const o of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "https://search.example.com", "HTTP://LOCALHOST:3000"]) {
      expect(m.isOwnInspectorUrl(`${o}/api/v1/inspect/${BIN}`), o).toBe(true);
    }
    for (const u of [
      `http://127.0.0.1:3001/api/v1/inspect/${BIN}`, // another port: another service
      `http://127.0.0.2:3000/api/v1/inspect/${BIN}`,
      `https://127.0.0.1:3000/api/v1/inspect/${BIN}`,
      `http://search.example.com/api/v1/inspect/${BIN}`, // not the configured scheme
      `http://127.0.0.1:3000/api/v1/keys`,
      `http://127.0.0.1:3000/api/v1/inspect/${BIN}?x=1`,
      `http://127.0.0.1:3000/api/v1/inspect/${BIN}/../../keys`,
      `http://127.0.0.1:3000/api/v1/inspect/${BIN}/requests`,
      `http://u:p@127.0.0.1:3000/api/v1/inspect/${BIN}`,
      "not a url",
    ]) {
      expect(m.isOwnInspectorUrl(u), u).toBe(false);
    }
  });

  it("send our inspector bins to the listening server on loopback, opening only that address", async () => {
    const m = await load({ PORT: "4123", INDEXHOOK_PUBLIC_URL: "https://search.example.com" });
    expect(m.ownInspectorTarget(`https://search.example.com/api/v1/inspect/${BIN}`)).toEqual({
      url: `http://127.0.0.1:4123/api/v1/inspect/${BIN}`,
      allow: ["127.0.0.1/32"],
    });
    expect(m.ownInspectorTarget(`http://[::1]:4123/api/v1/inspect/${BIN}`)?.url).toBe(`http://127.0.0.1:4123/api/v1/inspect/${BIN}`);
    expect(m.ownInspectorTarget(`http://127.0.0.1:4124/api/v1/inspect/${BIN}`)).toBeUndefined();
  });

  it("build a bin URL on the page's origin only when it is ours", async () => {
    let m = await load({});
    expect(m.inspectorBinUrl("http://127.0.0.1:3000", BIN)).toBe(`http://127.0.0.1:3000/api/v1/inspect/${BIN}`);
    expect(m.inspectorBinUrl("http://evil.example:3000", BIN)).toBe(`http://localhost:3000/api/v1/inspect/${BIN}`);
    m = await load({ INDEXHOOK_PUBLIC_URL: "https://search.example.com" });
    expect(m.inspectorBinUrl("http://10.0.0.5:3000", BIN)).toBe(`https://search.example.com/api/v1/inspect/${BIN}`);
    expect(m.inspectorBinUrl("http://localhost:3000", BIN)).toBe(`http://localhost:3000/api/v1/inspect/${BIN}`);
  });
});
