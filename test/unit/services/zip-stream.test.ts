import { randomBytes } from 'node:crypto';
import { crc32, zip32, zipStream, type ZipEntry } from '../../../services/zip-stream';
import { readZip, slowCrc32 } from '../support/zip-reader';

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

/** About `total` bytes of compressible but not trivial text, in 64 KiB chunks. */
async function* textChunks(total: number): AsyncGenerator<string> {
  for (let sent = 0, line = 0; sent < total; ) {
    let chunk = '';
    while (chunk.length < 65_536) chunk += `<row r="${++line}"><c><v>${(line * 7919) % 100_003}</v></c></row>\n`;
    sent += chunk.length;
    yield chunk;
  }
}

describe('crc32', () => {
  it('matches the standard check value and continues across chunks', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = randomBytes(10_000);
    expect(crc32(data.subarray(3_333), crc32(data.subarray(0, 3_333)))).toBe(slowCrc32(data));
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('zipStream', () => {
  it('writes entries that a central-directory reader inflates back byte for byte', async () => {
    const big: string[] = [];
    async function* recorded(): AsyncGenerator<string> {
      for await (const chunk of textChunks(3_000_000)) {
        big.push(chunk);
        yield chunk;
      }
    }
    const entries: ZipEntry[] = [
      { name: '[Content_Types].xml', content: ['<Types/>'] },
      { name: 'empty.txt', content: [] },
      { name: 'bytes.bin', content: [randomBytes(5), new Uint8Array([0, 255, 7])] },
      { name: 'xl/worksheets/sheet1.xml', content: recorded() },
      { name: 'názvy/řádky-রহিম.txt', content: ['žluťoučký কুমির'] },
    ];
    const zip = await collect(zipStream(entries, new Date('2026-03-01T10:20:30Z')));
    const read = readZip(zip);

    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const e of read) expect([e.name, e.flags, e.method]).toEqual([e.name, 0x0808, 8]);
    expect(read[0]!.data.toString()).toBe('<Types/>');
    expect(read[1]!.size).toBe(0);
    expect(read[2]!.size).toBe(8);
    expect(read[3]!.data.toString()).toBe(big.join(''));
    expect(read[3]!.compressedSize).toBeLessThan(read[3]!.size / 3);
    expect(read[4]!.data.toString()).toBe('žluťoučký কুমির');
  });

  it('stamps entries with the MS-DOS date and time it was given', async () => {
    const zip = await collect(zipStream([{ name: 'a', content: ['x'] }], new Date('2026-03-01T10:20:30Z')));
    expect(zip.readUInt16LE(10)).toBe((10 << 11) | (20 << 5) | 15);
    expect(zip.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (3 << 5) | 1);
  });

  it('fails the archive when an entry fails, instead of finishing a truncated file', async () => {
    async function* broken(): AsyncGenerator<string> {
      yield 'first rows';
      throw new Error('database went away');
    }
    await expect(collect(zipStream([{ name: 'a.xml', content: broken() }]))).rejects.toThrow('database went away');
  });

  it('stops reading an entry when the consumer stops (client hung up)', async () => {
    let produced = 0;
    let finished = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        for (;;) {
          produced += 1;
          yield randomBytes(32_768).toString('hex');
        }
      } finally {
        finished = true;
      }
    }
    let taken = 0;
    for await (const _chunk of zipStream([{ name: 'endless', content: endless() }])) {
      if (++taken === 5) break;
    }
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(true);
    expect(produced).toBeLessThan(100);
  });

  it('refuses sizes and offsets that need ZIP64', () => {
    expect(zip32(0xffffffff, 'size')).toBe(0xffffffff);
    expect(() => zip32(0x100000000, 'sheet1.xml')).toThrow(/sheet1\.xml is 4294967296 bytes.*ZIP64/);
  });
});
