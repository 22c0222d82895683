// A deliberately small ZIP reader for checking our own archives: it starts from the
// central directory like real unzip tools do, and checks every entry against its local
// header and data descriptor, so a writer bug cannot hide behind one consistent view.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntryRead {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Buffer;
}

/** CRC-32 bit by bit, independent of the table-driven one under test. */
export function slowCrc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function expectSignature(buf: Buffer, at: number, signature: number, what: string): void {
  if (buf.readUInt32LE(at) !== signature) throw new Error(`no ${what} signature at ${at}`);
}

export function readZip(zip: Buffer): ZipEntryRead[] {
  const eocd = zip.length - 22; // we never write an archive comment
  expectSignature(zip, eocd, 0x06054b50, 'end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  let at = zip.readUInt32LE(eocd + 16);
  if (at + directorySize !== eocd) throw new Error('central directory does not end where the end record starts');

  const entries: ZipEntryRead[] = [];
  for (let i = 0; i < count; i++) {
    expectSignature(zip, at, 0x02014b50, 'central directory header');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);

    expectSignature(zip, local, 0x04034b50, `local header of ${entry.name}`);
    if (zip.toString('utf8', local + 30, local + 30 + zip.readUInt16LE(local + 26)) !== entry.name) throw new Error(`local name of ${entry.name} differs`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressed = zip.subarray(start, start + entry.compressedSize);
    const descriptor = start + entry.compressedSize;
    expectSignature(zip, descriptor, 0x08074b50, `data descriptor of ${entry.name}`);
    const described = [zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)];
    if (described.join() !== [entry.crc, entry.compressedSize, entry.size].join()) throw new Error(`data descriptor of ${entry.name} disagrees with the directory`);

    const data = entry.method === 8 ? inflateRawSync(compressed) : Buffer.from(compressed);
    if (data.length !== entry.size) throw new Error(`${entry.name}: ${data.length} bytes inflated, ${entry.size} declared`);
    if (slowCrc32(data) !== entry.crc) throw new Error(`${entry.name}: CRC mismatch`);
    entries.push({ ...entry, data });
  }
  return entries;
}
