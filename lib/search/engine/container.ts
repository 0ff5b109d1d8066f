// A tiny binary container for artifacts: named sections of JSON, v8-serialised values or typed arrays.
// Typed arrays are raw little-endian bytes, so decoding them is a memcpy instead of a parse.
import v8 from "node:v8";

const MAGIC = "IHSA";
export const FORMAT_VERSION = 1;

type Typed = Int32Array | Uint32Array | Float64Array | Uint16Array | Uint8Array;
export type TypedKind = "i32" | "u32" | "f64" | "u16" | "u8";
type Kind = "json" | "v8" | "bytes" | TypedKind;
type Entry = { name: string; kind: Kind; offset: number; length: number };
const CTORS = { i32: Int32Array, u32: Uint32Array, f64: Float64Array, u16: Uint16Array, u8: Uint8Array } as const;

export class ContainerWriter {
  private chunks: Buffer[] = [];
  private entries: Entry[] = [];
  private size = 0;

  private push(name: string, kind: Kind, bytes: Buffer): void {
    // Pad to 8 bytes so typed sections stay aligned when the whole buffer is 8-aligned.
    const pad = (8 - (this.size % 8)) % 8;
    if (pad) this.chunks.push(Buffer.alloc(pad));
    this.size += pad;
    this.entries.push({ name, kind, offset: this.size, length: bytes.length });
    this.chunks.push(bytes);
    this.size += bytes.length;
  }
  raw(name: string, kind: Kind, bytes: Buffer): void {
    this.push(name, kind, bytes);
  }
  json(name: string, value: unknown): void {
    this.push(name, "json", Buffer.from(JSON.stringify(value), "utf8"));
  }
  v8(name: string, value: unknown): void {
    this.push(name, "v8", v8.serialize(value));
  }
  typed(name: string, kind: TypedKind, arr: Typed): void {
    this.push(name, kind, Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
  }
  finish(meta: unknown): Buffer {
    const manifest = Buffer.from(JSON.stringify({ meta, entries: this.entries }), "utf8");
    const head = Buffer.alloc(16);
    head.write(MAGIC, 0, "latin1");
    head.writeUInt32LE(FORMAT_VERSION, 4);
    head.writeUInt32LE(manifest.length, 8);
    // Body starts 8-aligned after head + manifest.
    const pad = (8 - ((16 + manifest.length) % 8)) % 8;
    return Buffer.concat([head, manifest, Buffer.alloc(pad), ...this.chunks]);
  }
}

export class ContainerReader {
  readonly meta: unknown;
  private entries = new Map<string, Entry>();
  private body: number;

  constructor(private buf: Buffer) {
    if (buf.length < 16 || buf.toString("latin1", 0, 4) !== MAGIC) throw new Error("not an Indexhook search artifact");
    const version = buf.readUInt32LE(4);
    if (version !== FORMAT_VERSION) throw new Error(`artifact format ${version}; this engine reads ${FORMAT_VERSION}`);
    const len = buf.readUInt32LE(8);
    const manifest = JSON.parse(buf.toString("utf8", 16, 16 + len)) as { meta: unknown; entries: Entry[] };
    this.meta = manifest.meta;
    for (const e of manifest.entries) this.entries.set(e.name, e);
    this.body = 16 + len + ((8 - ((16 + len) % 8)) % 8);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }
  /** A standalone reader over copies of the sections whose names start with `prefix`. */
  copySections(prefix: string): ContainerReader {
    const w = new ContainerWriter();
    for (const e of this.entries.values()) {
      if (e.name.startsWith(prefix)) w.raw(e.name, e.kind, Buffer.from(this.bytes(e.name)));
    }
    return new ContainerReader(w.finish(null));
  }
  private bytes(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw new Error(`artifact section ${name} is missing`);
    return this.buf.subarray(this.body + e.offset, this.body + e.offset + e.length);
  }
  json<T>(name: string): T {
    return JSON.parse(this.bytes(name).toString("utf8")) as T;
  }
  v8<T>(name: string): T {
    return v8.deserialize(this.bytes(name)) as T;
  }
  /**
   * A typed array over the section's bytes in place (no copy): for artifacts held in one
   * SharedArrayBuffer that every search thread reads. Sections are 8-aligned from the body, which is
   * 8-aligned from the buffer's start; a buffer that does not start 8-aligned gets a copy.
   */
  view<K extends TypedKind>(name: string, kind: K): InstanceType<(typeof CTORS)[K]> {
    const b = this.bytes(name);
    const C = CTORS[kind];
    if (b.byteOffset % 8 !== 0) return this.typed(name, kind);
    return new C(b.buffer as ArrayBuffer, b.byteOffset, b.length / C.BYTES_PER_ELEMENT) as InstanceType<(typeof CTORS)[K]>;
  }
  /** The section's bytes in place (a view, no copy). */
  section(name: string): Buffer {
    return this.bytes(name);
  }
  typed<K extends TypedKind>(name: string, kind: K): InstanceType<(typeof CTORS)[K]> {
    const b = this.bytes(name);
    // Copy into a fresh, aligned ArrayBuffer: the source may be a shared or unaligned view.
    const out = new CTORS[kind](b.length / CTORS[kind].BYTES_PER_ELEMENT);
    new Uint8Array(out.buffer).set(b);
    return out as InstanceType<(typeof CTORS)[K]>;
  }
}
