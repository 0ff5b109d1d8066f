// The sandbox's clock: CPU time of a thread (Linux /proc), so a loaded machine's waiting is not counted.
import { describe, expect, it } from "vitest";
import { cpuBudget, threadCpuMs, threadId } from "./thread-cpu";

describe.runIf(threadCpuMs() !== null)("thread CPU time", () => {
  it("a budget is not spent by waiting, only by running", async () => {
    const started = performance.now();
    const budget = cpuBudget(100);
    await new Promise((r) => setTimeout(r, 200)); // past the budget on the wall clock, next to no CPU
    expect(budget()).toBe(false);
    const before = threadCpuMs()!;
    while (!budget()); // runs until 100 ms of this thread's CPU are used (or, starved, the 1 s ceiling)
    const used = threadCpuMs()! - before;
    expect(used >= 80 || performance.now() - started >= 1000, `${used} ms of CPU`).toBe(true); // ticks are 10 ms
    expect(budget()).toBe(true);
  });

  it("is spent past ten times its budget on the wall clock, used or not", async () => {
    const budget = cpuBudget(20);
    await new Promise((r) => setTimeout(r, 300));
    expect(budget()).toBe(true);
  });

  it("reads another thread of this process by its id", () => {
    const tid = threadId();
    expect(tid).toBeGreaterThan(0);
    expect(threadCpuMs(tid)).toBeGreaterThanOrEqual(0);
    expect(threadCpuMs(2 ** 30)).toBeNull(); // no such thread
  });
});
