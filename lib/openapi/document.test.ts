// The OpenAPI document tells the truth about the contracts: every operation has a stable, unique
// operationId; every status route() can answer is listed; every JSON request body has its schema (not
// `format: binary`); every $ref resolves; the outbound webhooks match what the sender sends. The live
// status check against a server is lib/http/openapi-conformance.api.test.ts.
import { describe, expect, it } from "vitest";
import { allResponses, mediaOf, registry, type RouteContract } from "../contracts";
import { CONTENT_TYPE } from "../delivery/payloads";
import { operationalEvents } from "../db/schema/hooks";
import { openapiDocument } from "./document";
import { exampleFor, exampleText, fieldRows, unresolvedRefs, type JsonSchema } from "./render";
import { HOOK_KIND_MEDIA, OPERATIONAL_EVENT_TYPES } from "./webhooks";

type Op = {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses: Record<string, { headers?: Record<string, unknown> }>;
};
const doc = openapiDocument() as unknown as {
  paths: Record<string, Record<string, Op>>;
  webhooks: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, unknown> };
};
const opOf = (c: RouteContract) => doc.paths[c.path][c.method];
const name = (c: RouteContract) => `${c.method.toUpperCase()} ${c.path}`;

describe("the OpenAPI document", () => {
  it("has an operationId on every operation: unique, camelCase", () => {
    const ids = [...Object.values(doc.paths), ...Object.values(doc.webhooks)].flatMap((m) => Object.values(m).map((o) => o.operationId));
    expect(ids.length).toBeGreaterThanOrEqual(registry.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names operations after their contracts (stable: clients generate code from them)", () => {
    const byPath = (m: string, p: string) => doc.paths[p][m].operationId;
    expect(byPath("post", "/api/v1/hooks")).toBe("createHook");
    expect(byPath("post", "/api/v1/indexes/{indexId}/search")).toBe("searchIndex");
    expect(byPath("post", "/api/v1/webhooks/{indexId}/snapshot")).toBe("snapshotIndex");
    expect(byPath("get", "/api/v1/tasks/{uid}")).toBe("getTask");
    expect(byPath("put", "/api/v1/inspect/{binId}")).toBe("capturePutRequest");
  });

  it.each(registry.map((c) => [name(c), c] as const))("%s lists every status route() can answer", (_n, c) => {
    expect(Object.keys(opOf(c).responses).sort()).toEqual(Object.keys(allResponses(c)).sort());
  });

  it.each(registry.filter((c) => c.body).map((c) => [name(c), c] as const))("%s documents its body per media type", (_n, c) => {
    const body = opOf(c).requestBody!;
    expect(Object.keys(body.content).sort()).toEqual(Object.keys(mediaOf(c)).sort());
    for (const [type, media] of Object.entries(body.content)) {
      if (type === "*/*") continue; // the inspector captures anything
      expect(media.schema, `${type} has a schema`).toBeDefined();
      expect(media.schema?.format, `${type} is not documented as bytes`).not.toBe("binary");
      // Something to show: fields, or a described text (NDJSON), and an example.
      const rows = fieldRows(media.schema, doc.components);
      expect(rows.length > 0 || !!media.schema?.description || media.schema?.$ref !== undefined, `${type} shows fields or says what it is`).toBe(true);
      expect(exampleText(type, media, doc.components), `${type} has an example`).not.toBeNull();
    }
  });

  it("documents the bodies the issue named: snapshot (JSON and NDJSON), notify, search, create index", () => {
    const fields = (p: string, m: string, type = "application/json") => fieldRows(doc.paths[p][m].requestBody!.content[type].schema, doc.components).map((r) => r.path);
    expect(fields("/api/v1/webhooks/{indexId}/snapshot", "post")).toContain("[].id");
    expect(doc.paths["/api/v1/webhooks/{indexId}/snapshot"].post.requestBody!.content["application/x-ndjson"].schema).toMatchObject({ type: "string", contentMediaType: "application/x-ndjson" });
    expect(fields("/api/v1/webhooks/{indexId}/notify", "post")).toEqual(expect.arrayContaining(["upsert", "upsert[].id", "update", "remove"]));
    expect(fields("/api/v1/indexes/{indexId}/search", "post")).toEqual(expect.arrayContaining(["term", "where", "limit", "facets", "sortBy.property"]));
    expect(fields("/api/v1/indexes/{indexId}/search", "post", "application/x-www-form-urlencoded")).toContain("q");
    expect(fields("/api/v1/indexes", "post")).toEqual(expect.arrayContaining(["id", "name", "schema", "embeddings.model"]));
  });

  it("resolves every $ref", () => {
    expect(unresolvedRefs(doc)).toEqual([]);
  });

  it("documents Idempotency-Key on the ingestion routes and Idempotent-Replayed on their answers", () => {
    for (const p of ["snapshot", "notify", "deploy"]) {
      const op = doc.paths[`/api/v1/webhooks/{indexId}/${p}`].post;
      expect(op.parameters?.some((x) => x.in === "header" && x.name === "idempotency-key"), p).toBe(true);
      expect(Object.keys(op.responses["202"].headers ?? {}), p).toContain("idempotent-replayed");
      expect(Object.keys(op.responses), p).toContain("422");
    }
  });

  it("describes the outbound webhooks as they are sent", () => {
    expect(HOOK_KIND_MEDIA).toEqual(CONTENT_TYPE);
    expect([...OPERATIONAL_EVENT_TYPES]).toEqual(operationalEvents.type.enumValues);
    for (const kind of Object.keys(CONTENT_TYPE)) {
      const op = doc.webhooks[kind].post;
      expect(Object.keys(op.requestBody!.content)).toEqual([CONTENT_TYPE[kind as keyof typeof CONTENT_TYPE]]);
      expect(op.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["webhook-id", "webhook-timestamp", "webhook-signature", "x-indexhook-token"]));
    }
  });
});

describe("reading schemas for people", () => {
  const components = { schemas: { Doc: { type: "object", required: ["id"], properties: { id: { type: "string" }, self: { $ref: "#/components/schemas/Doc" } } } } };
  it("lists nested fields through arrays and $refs, and stops at recursion", () => {
    const rows = fieldRows({ type: "object", properties: { docs: { type: "array", items: { $ref: "#/components/schemas/Doc" } } } }, components);
    expect(rows.map((r) => `${r.path}:${r.type}:${r.required}`)).toEqual(["docs:Doc[]:false", "docs[].id:string:true", "docs[].self:Doc:false"]);
  });
  it("builds an example from required fields, formats and limits when the document has none", () => {
    expect(exampleFor({ type: "object", required: ["email", "n"], properties: { email: { type: "string", format: "email" }, n: { type: "integer", minimum: 3 }, x: { type: "string" } } })).toEqual({ email: "ada@example.com", n: 3 });
    expect(exampleFor({ $ref: "#/components/schemas/Doc" }, components)).toEqual({ id: "string" });
    expect(exampleText("application/x-www-form-urlencoded", { example: { q: '{"a":1}' } })).toBe("q=%7B%22a%22%3A1%7D");
  });
});
