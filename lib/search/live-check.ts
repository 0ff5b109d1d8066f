// Coalesced reads that are never stale: get(id) answers from a query that started after the call.
// At most one query is in flight; every call made meanwhile joins the next one (all their ids in
// one query), so under load a process runs one small query per round trip, not one per caller.
// lib/search/live.ts uses it for the live version of each index (read-after-deploy, docs/deploys.md).

type Batch<Row> = { ids: Set<string>; done: Promise<Map<string, Row>> };

export class CoalescedRead<Row> {
  private next?: Batch<Row> & { resolve(rows: Map<string, Row>): void; reject(err: unknown): void };
  private inFlight = false;
  /** Queries run, and the calls they answered. */
  readonly stats = { queries: 0, calls: 0 };

  constructor(private readonly query: (ids: string[]) => Promise<Map<string, Row>>) {}

  get(id: string): Promise<Row | undefined> {
    let batch = this.next;
    if (!batch) {
      let resolve!: (rows: Map<string, Row>) => void, reject!: (err: unknown) => void;
      const done = new Promise<Map<string, Row>>((res, rej) => ((resolve = res), (reject = rej)));
      batch = this.next = { ids: new Set(), done, resolve, reject };
    }
    batch.ids.add(id);
    this.stats.calls++;
    if (!this.inFlight) this.run();
    return batch.done.then((rows) => rows.get(id));
  }

  private run(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = undefined;
    this.inFlight = true;
    this.stats.queries++;
    let started: Promise<Map<string, Row>>;
    try {
      started = this.query([...batch.ids]);
    } catch (err) {
      started = Promise.reject(err);
    }
    started
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.inFlight = false;
        this.run();
      });
  }
}
