import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, releaseDataDirLock } from "./lock";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    releaseDataDirLock(d);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

describe("DATA_DIR lock", () => {
  it("refuses when another live process holds the directory", async () => {
    const dir = tmp();
    const other = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(path.join(dir, "indexhook.lock"), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(/in use by process \d+.*DATABASE_URL/);
    } finally {
      other.kill();
    }
  });

  it("takes over a stale lock left by a process that is gone", async () => {
    const dir = tmp();
    const gone = spawn("true");
    await new Promise((r) => gone.once("exit", r));
    fs.writeFileSync(path.join(dir, "indexhook.lock"), String(gone.pid));
    acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "indexhook.lock"), "utf8")).toBe(String(process.pid));
  });

  it("releases on close so the directory can be opened again", () => {
    const dir = tmp();
    acquireDataDirLock(dir);
    releaseDataDirLock(dir);
    expect(fs.existsSync(path.join(dir, "indexhook.lock"))).toBe(false);
  });
});
