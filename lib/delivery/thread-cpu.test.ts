// The sandbox's clock: CPU time of a thread (Linux /proc), so a loaded machine's waiting is not counted.
import { describe, expect, it } from "vitest";
import { cpuBudget, threadCpuMs, threadId } from "./thread-cpu";

describe.runIf(threadCpuMs() !== null)("thread CPU time", () => {
  it("a budget is not spent by waiting, only by running", async () => {
    const budget = cpuBudget(50);
    await new Promise((r) => setTimeout(r, 300)); // 300 ms of wall clock, next to no CPU
    expect(budget()).toBe(false);
    const before = threadCpuMs()!;
    while (!budget()); // runs until 50 ms of this thread's CPU are used
    expect(threadCpuMs()! - before).toBeGreaterThanOrEqual(40); // ticks are 10 ms
    expect(budget()).toBe(true);
  });

  it("reads another thread of this process by its id", () => {
    const tid = threadId();
    expect(tid).toBeGreaterThan(0);
    expect(threadCpuMs(tid)).toBeGreaterThanOrEqual(0);
    expect(threadCpuMs(2 ** 30)).toBeNull(); // no such thread
  });
});
