// Reads COPY … (FORMAT binary): a signature, flags and a header extension, then per row
// a 16-bit field count and per field a 32-bit length (-1 for NULL) and the bytes, and
// finally a field count of -1. Rows are not split out as objects: each batch hands back
// the buffer and every field's start and end, for the caller to read in place.

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;

export interface RowBatch {
  buf: Buffer;
  rows: number;
  /** For row r, field f: start at bounds[2 * (r * fields + f)], end just after; start -1 is NULL. Reused by the next batch. */
  bounds: Int32Array;
}

/**
 * Whole rows of `fields` columns, one batch per chunk received (a row split across chunks
 * waits for the rest). The stream is read to its end even after the trailer, so the
 * connection under it finishes the COPY cleanly.
 */
export async function* binaryRows(chunks: AsyncIterable<Buffer>, fields: number): AsyncGenerator<RowBatch> {
  let pending: Buffer | null = null;
  let headerRead = false;
  let ended = false;
  let bounds = new Int32Array(0);
  for await (const chunk of chunks) {
    if (ended) {
      if (chunk.length > 0) throw new Error('COPY sent data after its trailer');
      continue;
    }
    const buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    if (!headerRead) {
      if (buf.length < HEADER) { pending = buf; continue; }
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
      const extension = buf.readUInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER + extension) { pending = buf; continue; }
      at = HEADER + extension;
      headerRead = true;
    }
    // A row is at least 2 + 4 * fields bytes, so this many rows at most can be in the buffer.
    const most = 2 * fields * Math.ceil((buf.length - at) / (2 + 4 * fields));
    if (bounds.length < most) bounds = new Int32Array(most);
    let rows = 0;
    let b = 0;
    for (;;) {
      if (at + 2 > buf.length) break;
      const count = buf.readInt16BE(at);
      if (count === -1) { ended = true; at += 2; break; }
      if (count !== fields) throw new Error(`COPY row has ${count} fields, expected ${fields}`);
      let p = at + 2;
      let whole = true;
      for (let f = 0; f < fields; f++) {
        if (p + 4 > buf.length) { whole = false; break; }
        const length = buf.readInt32BE(p);
        p += 4;
        if (length === -1) { bounds[b + 2 * f] = -1; bounds[b + 2 * f + 1] = -1; continue; }
        if (p + length > buf.length) { whole = false; break; }
        bounds[b + 2 * f] = p;
        bounds[b + 2 * f + 1] = p + length;
        p += length;
      }
      if (!whole) break;
      rows++;
      b += 2 * fields;
      at = p;
    }
    if (ended && at < buf.length) throw new Error('COPY sent data after its trailer');
    pending = at < buf.length ? buf.subarray(at) : null;
    if (rows > 0) yield { buf, rows, bounds };
  }
  if (!ended) throw new Error('COPY stream ended before its trailer');
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
