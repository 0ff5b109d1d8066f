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
