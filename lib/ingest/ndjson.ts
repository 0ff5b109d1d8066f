// Splits a byte stream into NDJSON lines in constant memory, counting bytes against a limit.
// Lines are cut on the byte 0x0A (never part of a multi-byte UTF-8 sequence) and measured in bytes
// before they are decoded, so the line limit is exact whatever the chunking.
import { AppError, badRequest, payloadTooLarge as tooLarge } from "../errors";

/** The longest NDJSON line, in bytes, not counting its "\n" (nor a "\r" before it). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export const lineTooLong = (line: number, limit = MAX_LINE_BYTES) =>
  new AppError("payload_too_large", `NDJSON line ${line} is longer than the limit of ${limit} bytes.`, { limit, line });

export async function* ndjsonLines(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  onChunk?: (chunk: Uint8Array) => void,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const reader = stream.getReader();
  let size = 0;
  let line = 1;
  // The bytes of the line being read, in pieces, and their total.
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let finished = false;
  const take = (): string => {
    let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, partBytes);
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length > maxLineBytes) throw lineTooLong(line, maxLineBytes);
    parts = [];
    partBytes = 0;
    try {
      return decoder.decode(bytes);
    } catch {
      throw badRequest(`NDJSON line ${line} is not valid UTF-8.`, { line }, "invalid_json");
    }
  };
  // A "\r" may still follow: one byte of slack until the "\n" shows whether it is content.
  const overflows = () => partBytes > maxLineBytes + 1;
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
      let start = 0;
      for (let nl = value.indexOf(0x0a, start); nl !== -1; nl = value.indexOf(0x0a, start)) {
        parts.push(value.subarray(start, nl));
        partBytes += nl - start;
        yield take();
        line++;
        start = nl + 1;
      }
      if (start < value.length) {
        parts.push(value.subarray(start));
        partBytes += value.length - start;
        if (overflows()) throw lineTooLong(line, maxLineBytes);
      }
    }
    if (partBytes) yield take();
  } finally {
    // Stop the upload when we gave up early (limit, bad line): no point reading the rest.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
