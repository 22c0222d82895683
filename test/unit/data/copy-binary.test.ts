import { binaryRows } from '../../../data/copy-binary';

// The byte layout Postgres documents for COPY … (FORMAT binary), built by hand.
function copyBytes(rows: Array<Array<string | null>>, extension = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(19);
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').copy(header);
  header.writeUInt32BE(extension.length, 15);
  const parts = [header, extension];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const bytes = field === null ? Buffer.alloc(0) : Buffer.from(field, 'utf8');
      const length = Buffer.alloc(4);
      length.writeInt32BE(field === null ? -1 : bytes.length);
      parts.push(length, bytes);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function read(chunks: AsyncIterable<Buffer>, fields: number): Promise<Array<Array<string | null>>> {
  const rows: Array<Array<string | null>> = [];
  for await (const { buf, rows: n, bounds } of binaryRows(chunks, fields)) {
    for (let r = 0; r < n; r++) {
      rows.push(Array.from({ length: fields }, (_, f) => {
        const start = bounds[2 * (r * fields + f)]!;
        return start < 0 ? null : buf.toString('utf8', start, bounds[2 * (r * fields + f) + 1]);
      }));
    }
  }
  return rows;
}

describe('binaryRows', () => {
  const rows = [['1', 'Rahim Uddin', 'রহিম'], ['2', null, ''], ['3', 'a,"b"\r\n', 'x']];

  it.each([1, 2, 5, 7, 64, 10_000])('reads every row and NULL whatever the chunk size (%i bytes)', async (size) => {
    expect(await read(chunked(copyBytes(rows, Buffer.from('ext')), size), 3)).toEqual(rows);
  });

  it('reads a stream with no rows', async () => {
    expect(await read(chunked(copyBytes([]), 4), 2)).toEqual([]);
  });

  it('refuses a stream that is not binary COPY, has other columns, or stops early', async () => {
    await expect(read(chunked(Buffer.from('id,name\r\n1,x\r\n0123456789'), 64), 2)).rejects.toThrow('not a binary COPY');
    await expect(read(chunked(copyBytes(rows), 64), 2)).rejects.toThrow('3 fields, expected 2');
    const whole = copyBytes(rows);
    await expect(read(chunked(whole.subarray(0, whole.length - 2), 64), 3)).rejects.toThrow('before its trailer');
    await expect(read(chunked(Buffer.concat([whole, Buffer.from('x')]), 64), 3)).rejects.toThrow('after its trailer');
  });

  it('notices data after the trailer wherever the chunks are cut', async () => {
    const extra = Buffer.concat([copyBytes(rows), Buffer.from('xyz')]);
    for (let size = 1; size <= extra.length; size++) {
      await expect(read(chunked(extra, size), 3)).rejects.toThrow('after its trailer');
    }
    // The row split between chunks and the trailer end exactly where the copied start of the next chunk does.
    const long = copyBytes([['a'.repeat(2000)]]);
    async function* cut(): AsyncGenerator<Buffer> {
      yield long.subarray(0, long.length - 1024);
      yield Buffer.concat([long.subarray(long.length - 1024), Buffer.from('x')]);
    }
    await expect(read(cut(), 1)).rejects.toThrow('after its trailer');
  });
});
