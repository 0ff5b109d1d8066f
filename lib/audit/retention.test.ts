import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db";
import { auditLog } from "../db/schema";
import { freshDb } from "../testing/db";
import { pruneAuditLog } from "./retention";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

describe("audit retention", () => {
  it("deletes entries older than the retention, keeps the rest, and keeps all with 0", async () => {
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    await h.db.insert(auditLog).values(
      [400, 366, 364, 1].map((d) => ({ at: new Date(now - d * day), actorType: "system", action: "index.created", targetId: `d${d}` })),
    );
    expect(await pruneAuditLog(h.db, 0)).toBe(0);
    expect(await pruneAuditLog(h.db, 365)).toBe(2);
    const left = await h.db.select({ targetId: auditLog.targetId }).from(auditLog);
    expect(left.map((r) => r.targetId).sort()).toEqual(["d1", "d364"]);
  });
});
