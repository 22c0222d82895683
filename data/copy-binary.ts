// Reads COPY … (FORMAT binary): a signature, flags and a header extension, then per row
// a 16-bit field count and per field a 32-bit length (-1 for NULL) and the bytes, and
// finally a field count of -1. Rows are not split out as objects: each batch hands back
// a buffer and every field's start and end, for the caller to read in place.

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;
/** How much of the next chunk is first copied to finish a row split between chunks. */
const FIRST_TAKE = 1024;

export interface RowBatch {
  buf: Buffer;
  rows: number;
  /** For row r, field f: start at bounds[2 * (r * fields + f)], end just after; start -1 is NULL. Reused by the next batch. */
  bounds: Int32Array;
}

class BinaryCopyReader {
  headerRead = false;
  ended = false;
  bounds = new Int32Array(0);

  constructor(private readonly fields: number) {}

  /** Reads the header (once) and then whole rows of `buf` from `at`; returns how many, and where the rest starts. */
  read(buf: Buffer, at: number): { rows: number; next: number } {
    if (!this.headerRead) {
      if (buf.length - at < HEADER) return { rows: 0, next: at };
      if (!buf.subarray(at, at + SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = buf.readUInt32BE(at + SIGNATURE.length + 4);
      if (buf.length - at < HEADER + extension) return { rows: 0, next: at };
      at += HEADER + extension;
      this.headerRead = true;
    }
    const fields = this.fields;
    // A row is at least 2 + 4 * fields bytes, so this many rows at most can be in the buffer.
    const most = 2 * fields * Math.ceil((buf.length - at) / (2 + 4 * fields));
    if (this.bounds.length < most) this.bounds = new Int32Array(most);
    const bounds = this.bounds;
    let rows = 0;
    let b = 0;
    while (at + 2 <= buf.length) {
      const count = buf.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (count !== fields) throw new Error(`COPY row has ${count} fields, expected ${fields}`);
      let p = at + 2;
      let f = 0;
      for (; f < fields && p + 4 <= buf.length; f++) {
        const length = buf.readInt32BE(p);
        p += 4;
        if (length === -1) {
          bounds[b + 2 * f] = -1;
          bounds[b + 2 * f + 1] = -1;
        } else if (p + length > buf.length) {
          break;
        } else {
          bounds[b + 2 * f] = p;
          bounds[b + 2 * f + 1] = p + length;
          p += length;
        }
      }
      if (f < fields) break; // the rest of this row is in the next chunk
      rows++;
      b += 2 * fields;
      at = p;
    }
    if (this.ended && at < buf.length) throw new Error('COPY sent data after its trailer');
    return { rows, next: at };
  }
}

/**
 * Whole rows of `fields` columns, batch by batch as chunks arrive. A row split between two
 * chunks is finished by copying just enough of the next chunk (not the whole chunk, which
 * at export sizes would double the garbage). The stream is read to its end even after the
 * trailer, so the connection under it finishes the COPY cleanly.
 */
export async function* binaryRows(chunks: AsyncIterable<Buffer>, fields: number): AsyncGenerator<RowBatch> {
  const reader = new BinaryCopyReader(fields);
  let pending: Buffer | null = null;
  for await (const chunk of chunks) {
    if (reader.ended) {
      if (chunk.length > 0) throw new Error('COPY sent data after its trailer');
      continue;
    }
    let at = 0;
    if (pending) {
      const start: Buffer = pending;
      for (let take = FIRST_TAKE; ; take *= 2) {
        const head = Buffer.concat([start, chunk.subarray(0, take)]);
        const { rows, next } = reader.read(head, 0);
        if (next > start.length) {
          if (rows > 0) yield { buf: head, rows, bounds: reader.bounds };
          [pending, at] = [null, next - start.length];
          break;
        }
        if (take >= chunk.length) {
          [pending, at] = [head, chunk.length];
          break;
        }
      }
    }
    if (at >= chunk.length) continue;
    const { rows, next } = reader.read(chunk, at);
    if (rows > 0) yield { buf: chunk, rows, bounds: reader.bounds };
    pending = next < chunk.length ? chunk.subarray(next) : null;
  }
  if (!reader.ended) throw new Error('COPY stream ended before its trailer');
}

// Field readers for the binary forms of the types the exports select (see typedColumnSql).

/** int8 (a bigint of at most 2^53, as money in minor units and ids are). */
export function int8At(buf: Buffer, start: number): number {
  return buf.readInt32BE(start) * 0x1_0000_0000 + buf.readUInt32BE(start + 4);
}

const Y2K_MS = Date.UTC(2000, 0, 1);

/** timestamptz: microseconds since 2000-01-01 UTC, as epoch milliseconds (truncated, like a Date). */
export function timestampMsAt(buf: Buffer, start: number): number {
  return Y2K_MS + Math.floor(int8At(buf, start) / 1000);
}
