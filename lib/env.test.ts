import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe("./data");
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.WORKER).toBe("inline");
    expect(e.POLICY_HOOK_TIMEOUT_MS).toBe(10_000);
    expect(e.dataDir).toMatch(/\/data$/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", INDEXHOOK_MASTER_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["WORKER", "sometimes"],
    ["INDEXHOOK_MASTER_KEY", "short"],
    ["ALLOWED_IP_NETWORKS", "not a cidr"],
    ["TASK_WEBHOOK_URL", "ftp://x"],
    ["POLICY_HOOK_TIMEOUT_MS", "0"],
  ])("names the variable in one line when %s=%s is invalid", (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain(`Invalid ${name}=`);
    expect(message).toContain("expected");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("accepts CIDR lists and 'any'", () => {
    expect(parseEnv({ ALLOWED_IP_NETWORKS: "127.0.0.0/8, ::1/128" }).ALLOWED_IP_NETWORKS).toBe("127.0.0.0/8, ::1/128");
    expect(parseEnv({ ALLOWED_IP_NETWORKS: "any" }).ALLOWED_IP_NETWORKS).toBe("any");
  });
});

describe("deploy lanes", () => {
  it("runs at least 2 and by default at most 4 deploys side by side, each limited to 10 minutes", () => {
    const e = parseEnv({});
    expect(e.DEPLOY_CONCURRENCY).toBeGreaterThanOrEqual(2);
    expect(e.DEPLOY_CONCURRENCY).toBeLessThanOrEqual(4);
    expect(e.DEPLOY_TIMEOUT_MS).toBe(600_000);
    expect(parseEnv({ DEPLOY_CONCURRENCY: "1" }).DEPLOY_CONCURRENCY).toBe(1);
    expect(() => parseEnv({ DEPLOY_CONCURRENCY: "0" })).toThrow("Invalid DEPLOY_CONCURRENCY=");
  });

  it("refuses the test-only build delay outside vitest, so a copied test environment cannot slow an instance", () => {
    expect(() => parseEnv({ INDEXHOOK_TEST_BUILD_DELAY_MS: "1000" })).toThrow(/INDEXHOOK_TEST_BUILD_DELAY_MS.*test-only/);
    expect(() => parseEnv({ INDEXHOOK_TEST_LOAD_DELAY_MS: "1000" })).toThrow(/INDEXHOOK_TEST_LOAD_DELAY_MS.*test-only/);
    expect(parseEnv({ INDEXHOOK_TEST_BUILD_DELAY_MS: "1000", VITEST: "true" }).INDEXHOOK_TEST_BUILD_DELAY_MS).toBe(1000);
    expect(parseEnv({ INDEXHOOK_TEST_BUILD_DELAY_MS: "" }).INDEXHOOK_TEST_BUILD_DELAY_MS).toBeUndefined();
  });
});
