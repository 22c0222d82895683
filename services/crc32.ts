// CRC-32 as ZIP needs it (IEEE 802.3, reflected, polynomial 0xEDB88320). Node 20 has
// no zlib.crc32, and a streamed ZIP entry needs the checksum fed chunk by chunk.

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues `previous` (the CRC of everything before `chunk`; 0 to start) over `chunk`. */
export function crc32(chunk: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < chunk.length; i++) c = TABLE[(c ^ chunk[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
