// Hooks for delivery tests: made through the hooks API when the server has it, else (Postgres only)
// inserted with a direct database handle, which is what the engine reads either way.
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { openDb, type DbHandle } from "../db/client";
import { hooks, type HookFilters } from "../db/schema/hooks";
import { api, type TestServer } from "./server";

export type HookInput = { kind?: "changes" | "tasks"; url: string; headers?: Record<string, string>; filters?: Partial<HookFilters>; paused?: boolean };
export type MadeHook = { uuid: string; secret: string; token: string };

const ALL: HookFilters = { indexes: "all", properties: "all", operations: "all" };

export function hookClient(server: TestServer) {
  const call = api(server);
  let db: DbHandle | undefined;
  let viaApi: boolean | undefined;
  const direct = async () => {
    if (!server.databaseUrl) throw new Error("no hooks API on this server and no Postgres to insert into");
    return (db ??= await openDb({ url: server.databaseUrl, max: 2 }));
  };
  return {
    async create(input: HookInput): Promise<MadeHook> {
      const body = { kind: input.kind ?? "changes", url: input.url, headers: input.headers ?? {}, filters: { ...ALL, ...input.filters }, paused: input.paused ?? false };
      if (viaApi !== false) {
        const r = await call("POST", "/api/v1/hooks", body);
        viaApi = r.status !== 404 && r.status !== 405;
        if (viaApi) {
          if (r.status !== 201) throw new Error(`create hook: ${r.status} ${r.text}`);
          return { uuid: r.json.uuid, secret: r.json.secret, token: r.json.token };
        }
      }
      const h = await direct();
      const made = { uuid: randomUUID(), secret: `whsec_${randomBytes(24).toString("base64")}`, token: `tok_${randomBytes(12).toString("hex")}` };
      // Like the API: a new hook starts at the end of its log, not at its beginning.
      const table = body.kind === "changes" ? sql`change_events` : sql`task_events`;
      const [{ max }] = await h.rows<{ max: string | null }>(sql`select max(id) as max from ${table}`);
      await h.db.insert(hooks).values({ ...body, ...made, cursor: Number(max ?? 0), pausedReason: input.paused ? "manual" : null });
      return made;
    },
    async pause(uuid: string, paused: boolean): Promise<void> {
      if (viaApi) {
        const r = await call("PATCH", `/api/v1/hooks/${uuid}`, { paused });
        if (r.status !== 200) throw new Error(`patch hook: ${r.status} ${r.text}`);
        return;
      }
      await (await direct()).db.update(hooks).set({ paused, pausedReason: paused ? "manual" : null }).where(eq(hooks.uuid, uuid));
    },
    async get(uuid: string): Promise<{ paused: boolean; pausedReason: string | null; failingSince: string | null }> {
      if (viaApi) return (await call("GET", `/api/v1/hooks/${uuid}`)).json;
      const [row] = await (await direct()).db.select().from(hooks).where(eq(hooks.uuid, uuid));
      return { paused: row.paused, pausedReason: row.pausedReason, failingSince: row.failingSince?.toISOString() ?? null };
    },
    close: async () => db?.close(),
  };
}
