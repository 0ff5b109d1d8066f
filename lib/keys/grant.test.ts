// "Never more than its creator": who may create (and revoke) which keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import type { Role } from "../auth/roles";
import type { Action } from "../contracts/define";
import type { DbHandle } from "../db";
import { freshDb } from "../testing/db";
import { createKey } from "./create-key";
import { revokeKey } from "./revoke-key";

let h: DbHandle;
beforeAll(async () => {
  h = await freshDb();
});
afterAll(async () => h?.close());

const user = (role: Role): Principal => ({
  type: "user",
  user: { id: `usr_${role}`, email: `${role}@example.com`, name: role, role },
});
const key = (actions: Action[], indexes: string[]): Principal => ({
  type: "key",
  key: { id: "key_parent", name: "parent", actions, indexes, createdBy: "master" },
});
const create = (principal: Principal, actions: Action[], indexes: string[] = ["*"]) =>
  createKey({ db: h.db, principal, input: { name: "k", actions, indexes } });

describe("who may create which key", () => {
  it("master and signed-in admins may grant anything", async () => {
    await expect(create({ type: "master" }, ["*"])).resolves.toMatchObject({ createdBy: "master" });
    await expect(create(user("admin"), ["admin", "ingest"])).resolves.toMatchObject({ createdBy: "usr_admin", createdByName: "admin" });
  });

  it("members may grant anything but admin", async () => {
    await expect(create(user("member"), ["search", "ingest", "deploy"])).resolves.toMatchObject({ kind: "private" });
    await expect(create(user("member"), ["admin"])).rejects.toMatchObject({ status: 403, message: expect.stringContaining('"admin"') });
    await expect(create(user("member"), ["*"])).rejects.toMatchObject({ status: 403, message: expect.stringContaining('"*"') });
  });

  it("viewers may not create keys", async () => {
    await expect(create(user("viewer"), ["search"])).rejects.toMatchObject({ status: 403, message: /Viewers/ });
  });

  it("keys without admin may not create keys", async () => {
    await expect(create(key(["search", "ingest", "deploy"], ["*"]), ["search"])).rejects.toMatchObject({ status: 403, message: /admin action/ });
  });

  it("an admin key grants only a subset of its own actions and indexes", async () => {
    const scoped = key(["admin", "search"], ["a", "b"]);
    await expect(create(scoped, ["search"], ["a"])).resolves.toMatchObject({ createdBy: "key_parent", createdByName: "parent" });
    await expect(create(scoped, ["admin"], ["a", "b"])).resolves.toMatchObject({ actions: ["admin"] });
    await expect(create(scoped, ["search"], ["*"])).rejects.toMatchObject({ status: 403, message: /indexes "\*"/ });
    await expect(create(scoped, ["search"], ["a", "c"])).rejects.toMatchObject({ status: 403, message: /indexes "c"/ });
    await expect(create(scoped, ["ingest"], ["a"])).rejects.toMatchObject({ status: 403, message: /actions "ingest"/ });
    await expect(create(scoped, ["*"], ["a"])).rejects.toMatchObject({ status: 403, message: /actions "\*"/ });
  });

  it("a star key covers every action and index", async () => {
    await expect(create(key(["*"], ["*"]), ["*"], ["*"])).resolves.toMatchObject({ actions: ["*"] });
    await expect(create(key(["*"], ["x"]), ["ingest", "admin"], ["x"])).resolves.toMatchObject({ indexes: ["x"] });
  });

  it("revoking follows the same rule", async () => {
    const wide = await create({ type: "master" }, ["*"]);
    await expect(revokeKey({ db: h.db, principal: key(["admin"], ["a"]), input: { id: wide.id } })).rejects.toMatchObject({ status: 403 });
    await expect(revokeKey({ db: h.db, principal: user("member"), input: { id: wide.id } })).rejects.toMatchObject({ status: 403 });
    const narrow = await create({ type: "master" }, ["search"], ["a"]);
    await expect(revokeKey({ db: h.db, principal: key(["admin", "search"], ["a"]), input: { id: narrow.id } })).resolves.toMatchObject({ id: narrow.id });
  });
});
