import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES, badRequest, codeToStatus, conflict, forbidden, isErrorCode, notFound, unauthorized, type ErrorCode } from "./errors";

const ROOT = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

describe("error codes", () => {
  it("maps every code to a 4xx or 5xx status", () => {
    const codes = Object.keys(ERROR_CODES) as ErrorCode[];
    expect(codes.length).toBeGreaterThan(40);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z][a-z_]*$/);
      const status = codeToStatus(code);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("derives an error's status from its code, never from the thrower", () => {
    expect(new AppError("payload_too_large", "x").status).toBe(413);
    expect(new AppError("idempotency_key_reused", "x", { taskUid: 1 })).toMatchObject({ status: 422, code: "idempotency_key_reused", message: "x", details: { taskUid: 1 } });
    expect(badRequest("x")).toMatchObject({ status: 400, code: "invalid_request" });
    expect(badRequest("x", undefined, "schema_mismatch")).toMatchObject({ status: 400, code: "schema_mismatch" });
    expect(unauthorized()).toMatchObject({ status: 401, code: "unauthorized" });
    expect(forbidden()).toMatchObject({ status: 403, code: "forbidden" });
    expect(notFound()).toMatchObject({ status: 404, code: "not_found" });
    expect(conflict("x")).toMatchObject({ status: 409, code: "conflict" });
    expect(isErrorCode("not_found")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
  });
});

describe("the house rule: only lib/errors.ts chooses an error's status", () => {
  const files = [...sources("lib"), ...sources("app")];

  it("no code constructs the old ApiError or passes a numeric status to AppError", () => {
    const offenders = files.filter((f) => {
      const text = readFileSync(join(ROOT, f), "utf8");
      return /\bApiError\b/.test(text) || /new AppError\(\s*\d/.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it("outside lib/http, no file answers an error status itself or imports lib/http/errors to throw", () => {
    const offenders = files
      .filter((f) => !relative("lib/http", f).match(/^[^.]/) && f !== "lib/errors.ts")
      .filter((f) => {
        const text = readFileSync(join(ROOT, f), "utf8");
        const answersStatus = /status:\s*[45]\d\d\b/.test(text);
        const throwsViaHttp = !f.startsWith("app") && /from ["'][./@a-z]*http\/errors["']/.test(text);
        return answersStatus || throwsViaHttp;
      });
    expect(offenders).toEqual([]);
  });

  it("the lint above can fail", () => {
    expect(/new AppError\(\s*\d/.test('new AppError(404, "not_found", "x")')).toBe(true);
    expect(/status:\s*[45]\d\d\b/.test("Response.json(body, { status: 503 })")).toBe(true);
  });
});
