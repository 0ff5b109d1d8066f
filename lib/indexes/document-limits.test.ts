// The per-document limits: what they count (the build's own tokens), where they apply (schema string
// properties; the whole document's JSON), and how a refusal reads (at, id, path, expected, got, limit).
import { insertMultiple } from "@orama/orama";
import { describe, expect, it } from "vitest";
import { createEngineDb } from "../search/engine/artifact";
import { prepareNotify, prepareSnapshot } from "../ingest/prepare";
import { AppError } from "../errors";
import { documentSizeIssue, propertyTokenCounter, type DocumentLimits } from "./document-limits";
import { documentValidator } from "./validate-document";

const LIMITS: DocumentLimits = { maxBytes: 2000, maxPropertyTokens: 10, tokenMaxLength: 256 };
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

function refusal(fn: () => unknown): { message: string; details: Record<string, unknown>[] } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_documents");
    return { message: (err as AppError).message, details: (err as AppError).details as Record<string, unknown>[] };
  }
  throw new Error("expected a refusal");
}

describe("propertyTokenCounter", () => {
  it("counts exactly what the build indexes: distinct tokens per value, summed over a string[]", async () => {
    const count = propertyTokenCounter({ ...LIMITS, maxPropertyTokens: 0 });
    const values = {
      title: "The the THE Straße, naïve café-au-lait it's 42 x_y ünïcödé — " + words(50),
      tags: ["a b a", "b c", "", "d"],
    };
    const db = createEngineDb({ title: "string", tags: "string[]" });
    await insertMultiple(db, [{ id: "1", ...values }] as never);
    const index = db.data.index as unknown as { fieldLengths: Record<string, Record<number, number>> };
    const got = (path: string) => Number(/^(\d+)/.exec(count(path, values[path as "title"])!.got)![1]);
    expect(got("title")).toBe(index.fieldLengths.title[1]);
    // Orama keeps the last item's length per document; the build's work (and the count) is the sum.
    expect(got("tags")).toBe(2 + 2 + 1);
  });

  it("counts tokens after the cut: long words sharing their first tokenMaxLength characters are one token", () => {
    const count = propertyTokenCounter({ ...LIMITS, maxPropertyTokens: 1, tokenMaxLength: 16 });
    const long = "x".repeat(20);
    expect(count("t", `${long}a ${long}b ${long}c`)).toBeNull();
    expect(count("t", `${long}a y`)?.got).toBe("2 tokens");
  });

  it("passes short values without tokenizing and refuses over the limit", () => {
    const count = propertyTokenCounter(LIMITS);
    expect(count("t", words(10))).toBeNull();
    expect(count("t", words(11))).toEqual({
      path: "t",
      expected: "at most 10 indexed tokens (distinct words per value)",
      got: "11 tokens",
      limit: { name: "DOCUMENT_MAX_PROPERTY_TOKENS", value: 10 },
    });
    expect(count("t", [words(6), words(6)])?.got).toBe("12 tokens");
  });
});

describe("documentSizeIssue", () => {
  it("measures the document's compact JSON in UTF-8 bytes, the limit included", () => {
    const doc = { id: "1", t: "" };
    doc.t = "é".repeat(Math.floor((2000 - Buffer.byteLength(JSON.stringify(doc))) / 2)); // é is 2 bytes
    doc.t += "x".repeat(2000 - Buffer.byteLength(JSON.stringify(doc)));
    expect(documentSizeIssue(doc, LIMITS)).toBeNull();
    expect(documentSizeIssue({ ...doc, x: 1 }, LIMITS)).toMatchObject({
      path: "(document)",
      got: "2006 bytes",
      limit: { name: "DOCUMENT_MAX_BYTES", value: 2000 },
    });
  });
});

describe("limits at ingest", () => {
  const schema = { title: "string", tags: "string[]", meta: { note: "string" } };

  it("refuse notify items, partial updates and snapshot documents naming the document, its id, the property and the limit", () => {
    const notify = refusal(() =>
      prepareNotify(
        schema,
        {
          upsert: [{ id: "ok", title: words(10) }, { id: "many", title: words(11) }],
          update: [{ id: 7, meta: { note: words(12) } }, { id: "big", other: "x".repeat(3000) }],
        },
        LIMITS,
      ),
    );
    expect(notify.details).toEqual([
      { at: "upsert[1]", id: "many", path: "title", expected: "at most 10 indexed tokens (distinct words per value)", got: "11 tokens", limit: { name: "DOCUMENT_MAX_PROPERTY_TOKENS", value: 10 } },
      { at: "update[0]", id: "7", path: "meta.note", expected: "at most 10 indexed tokens (distinct words per value)", got: "12 tokens", limit: { name: "DOCUMENT_MAX_PROPERTY_TOKENS", value: 10 } },
      { at: "update[1]", id: "big", path: "(document)", expected: "at most 2000 bytes of JSON", got: "3023 bytes", limit: { name: "DOCUMENT_MAX_BYTES", value: 2000 } },
    ]);
    const snapshot = refusal(() => prepareSnapshot(schema, [{ id: "a", tags: [words(5), words(6)] }], LIMITS));
    expect(snapshot.details).toMatchObject([{ at: "[0]", id: "a", path: "tags", got: "11 tokens" }]);
    expect(prepareSnapshot(schema, [{ id: "a", tags: [words(5), words(5)], notIndexed: words(300) }], LIMITS)).toHaveLength(2);
  });

  it("hold a schema change to the token limit too (documentValidator with limits)", () => {
    const validate = documentValidator({ body: "string" }, LIMITS);
    expect(validate({ id: "1", body: words(11) })).toMatchObject([{ path: "body", limit: { value: 10 } }]);
    expect(documentValidator({ body: "string" })({ id: "1", body: words(11) })).toEqual([]);
  });
});
