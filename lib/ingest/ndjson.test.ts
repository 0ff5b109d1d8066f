// The NDJSON line limit is exact in bytes, however the stream is chunked.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { MAX_LINE_BYTES, ndjsonLines } from "./ndjson";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
}
/** `bytes` split into pieces of `size`. */
const chunked = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
const enc = (s: string) => new TextEncoder().encode(s);

async function lines(chunks: Uint8Array[], max?: number) {
  const out: string[] = [];
  for await (const l of ndjsonLines(streamOf(chunks), Infinity, undefined, max)) out.push(l);
  return out;
}
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("ndjsonLines", () => {
  // "é" is two bytes: a line of 5 bytes is 3 characters, so counting characters would be wrong.
  const atLimit = '"éé"'; // 6 bytes
  it.each([1, 2, 3, 7, 64])("accepts a line of exactly the limit and refuses one byte more (chunks of %i)", async (size) => {
    expect(enc(atLimit).length).toBe(6);
    expect(await lines(chunked(enc(`1\n${atLimit}\n${atLimit}\r\n2`), size), 6)).toEqual(["1", atLimit, atLimit, "2"]);
    for (const body of [`1\n${atLimit} \n2`, `1\n${atLimit} `, `1\n${atLimit} \r\n`]) {
      const err = await refusal(lines(chunked(enc(body), size), 6));
      expect(err.status).toBe(413);
      expect(err.code).toBe("payload_too_large");
      expect(err.details).toEqual({ limit: 6, line: 2 });
    }
  });

  it("refuses invalid UTF-8 by line", async () => {
    const err = await refusal(lines([enc("1\n"), new Uint8Array([0x22, 0xc3, 0x22, 0x0a])]));
    expect(err).toMatchObject({ status: 400, code: "invalid_json", details: { line: 2 } });
  });

  it(`holds at the real limit (${MAX_LINE_BYTES} bytes), in one chunk or in network-sized ones`, async () => {
    const exact = new Uint8Array(MAX_LINE_BYTES + 2).fill(0x61);
    exact[0] = 0x22;
    exact[MAX_LINE_BYTES - 1] = 0x22;
    exact[MAX_LINE_BYTES] = 0x0a;
    exact[MAX_LINE_BYTES + 1] = 0x31;
    for (const chunks of [[exact], chunked(exact, 65536)]) {
      const got = await lines(chunks);
      expect(got.map((l) => l.length)).toEqual([MAX_LINE_BYTES, 1]);
    }
    const over = new Uint8Array(MAX_LINE_BYTES + 2).fill(0x61);
    over[MAX_LINE_BYTES + 1] = 0x0a;
    for (const chunks of [[over], chunked(over, 65536), [over.subarray(0, MAX_LINE_BYTES + 1)]]) {
      expect((await refusal(lines(chunks))).details).toEqual({ limit: MAX_LINE_BYTES, line: 1 });
    }
  });
});
