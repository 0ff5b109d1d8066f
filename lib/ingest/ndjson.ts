// Splits a byte stream into NDJSON lines in constant memory, counting bytes against a limit.
import { badRequest } from "../http/errors";
import { tooLarge } from "../http/body";

export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export async function* ndjsonLines(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  onChunk?: (chunk: Uint8Array) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = stream.getReader();
  let size = 0;
  let rest = "";
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      onChunk?.(value);
      let text: string;
      try {
        text = rest + decoder.decode(value, { stream: true });
      } catch {
        throw badRequest("The NDJSON body is not valid UTF-8.", undefined, "invalid_json");
      }
      let start = 0;
      for (let nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
      if (rest.length > MAX_LINE_BYTES) throw badRequest(`An NDJSON line is longer than ${MAX_LINE_BYTES} bytes.`, undefined, "invalid_json");
    }
    rest += decoder.decode();
    if (rest.length) yield rest;
  } finally {
    // Stop the upload when we gave up early (limit, bad line): no point reading the rest.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
