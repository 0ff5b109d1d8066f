import { describe, expect, it } from "vitest";
import { CoalescedRead } from "./live-check";

/** A store whose reads resolve when the test says so, recording what each read was asked and saw. */
function store() {
  const value = new Map<string, number>();
  const reads: { ids: string[]; finish: () => void }[] = [];
  const read = new CoalescedRead<number>(
    (ids) =>
      new Promise((resolve) => {
        // The snapshot is taken when the query starts, as a database statement's would be.
        const snapshot = new Map(ids.flatMap((id) => (value.has(id) ? [[id, value.get(id)!] as const] : [])));
        reads.push({ ids, finish: () => resolve(snapshot) });
      }),
  );
  return { value, reads, read };
}

describe("CoalescedRead", () => {
  it("answers every call from a read that started after it, one read in flight at a time", async () => {
    const { value, reads, read } = store();
    value.set("a", 1);
    const first = read.get("a");
    expect(reads).toHaveLength(1);
    value.set("a", 2); // written after the first read started: the calls from here on must see it
    const second = read.get("a");
    const third = read.get("b");
    expect(reads).toHaveLength(1); // they wait for the read in flight to end, then share one
    reads[0].finish();
    expect(await first).toBe(1);
    expect(reads).toHaveLength(2);
    expect(reads[1].ids).toEqual(["a", "b"]);
    reads[1].finish();
    expect(await second).toBe(2);
    expect(await third).toBeUndefined();
    expect(read.stats).toEqual({ queries: 2, calls: 3 });
  });

  it("a failed read rejects its callers only; the next call reads again", async () => {
    let fail = true;
    const read = new CoalescedRead<number>(async (ids) => {
      if (fail) throw new Error("connection lost");
      return new Map(ids.map((id) => [id, 7]));
    });
    await expect(read.get("a")).rejects.toThrow("connection lost");
    fail = false;
    expect(await read.get("a")).toBe(7);
  });
});
