// The test server harness leaves no process behind. Each `npx vitest run` used to leave one
// `next-server` running for good (its data dir deleted, busy on a broken stdout): restart() without a
// crash() started a second server beside the first, which kept the port — and answered the new one's
// health check — while stop() ended only the second. Processes are found by what they run on: the
// DATA_DIR in their environment (Linux /proc), so a leak is seen whatever its pid or parent.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api, MASTER_KEY, settle, startServer } from "./server";
import { eventually } from "./wait";

/** Live processes (not zombies) whose environment says DATA_DIR=<dir>. */
function processesOn(dir: string): number[] {
  const entry = `DATA_DIR=${dir}`;
  const pids: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/environ`, "utf8").split("\0").includes(entry)) pids.push(Number(name));
    } catch {
      /* gone meanwhile, or not ours */
    }
  }
  return pids.filter(alive);
}

function alive(pid: number): boolean {
  try {
    // Field 3 of /proc/<pid>/stat is the state; Z is a zombie (ended, not yet reaped).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}


describe("test servers leave no process behind", () => {
  it("restart() ends the running server before starting the next, and stop() ends the last", async () => {
    const server = await startServer();
    const first = server.pid();
    try {
      expect(processesOn(server.dataDir)).toEqual([first]);
      await server.restart();
      expect(server.pid()).not.toBe(first);
      expect(alive(first), "the server before restart() is still running").toBe(false);
      expect(processesOn(server.dataDir)).toEqual([server.pid()]);
      // The watch on the parent (exit-with-parent.mjs) is inherited by the engine's threads too: they
      // must keep running (a build thread that exited at once failed every deploy).
      const call = api(server);
      await call("POST", "/api/v1/indexes", { id: "watch", name: "watch", schema: { title: "string" } });
      await call("POST", "/api/v1/webhooks/watch/snapshot", [{ id: "1", title: "still here" }]);
      expect((await settle(call, (await call("POST", "/api/v1/webhooks/watch/deploy")).json.taskUid)).status).toBe("succeeded");
      expect((await call("POST", "/api/v1/indexes/watch/search", { term: "here" })).json.count).toBe(1);
    } finally {
      await server.stop();
    }
    expect(processesOn(server.dataDir), "processes still running on the stopped server's data dir").toEqual([]);
  }, 180_000);

  it("a server exits when the test process that started it dies (SIGKILL, no afterAll)", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "indexhook-test-"));
    const env = { DATA_DIR: dataDir, INDEXHOOK_MASTER_KEY: MASTER_KEY, ALLOWED_IP_NETWORKS: "", DATABASE_URL: "" };
    // A stand-in for a vitest fork: starts a server with spawnNext, waits until it is healthy, says its pid.
    const script = `
      const m = await import("./lib/testing/server.ts");
      const { freePort, spawnNext, waitForHealth } = m.spawnNext ? m : m.default;
      const port = await freePort();
      const { child, logs } = spawnNext(port, { ...JSON.parse(process.env.SERVER_ENV), PORT: String(port) });
      await waitForHealth("http://127.0.0.1:" + port, child, logs);
      console.log("server " + child.pid);
      setInterval(() => {}, 60_000);
    `;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: process.cwd(),
      env: { ...process.env, SERVER_ENV: JSON.stringify(env) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    parent.stdout!.on("data", (d) => (out += d));
    parent.stderr!.on("data", (d) => (out += d));
    try {
      const started = await eventually(() => /server \d+/.test(out) || parent.exitCode !== null, { timeoutMs: 120_000, intervalMs: 100 });
      expect(started && /server \d+/.test(out), out).toBe(true);
      const serverPid = Number(/server (\d+)/.exec(out)![1]);
      expect(processesOn(dataDir)).toEqual([serverPid]);
      parent.kill("SIGKILL");
      expect(await eventually(() => processesOn(dataDir).length === 0, { timeoutMs: 20_000, intervalMs: 100 }), `the server outlived its parent:\n${out}`).toBe(true);
    } finally {
      parent.kill("SIGKILL");
      for (const pid of processesOn(dataDir)) process.kill(pid, "SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
