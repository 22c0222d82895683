// Czech banks still export GPC (and some CSV/MT940) in Windows-1250. Node's Buffer
// decoders do not know it, so the upper half is mapped here. Bytes the code page leaves
// undefined (0x81, 0x83, 0x88, 0x90, 0x98) map to the same-numbered C1 control, as the
// WHATWG Encoding Standard does, so no byte is ever silently dropped.

// prettier-ignore
const UPPER_HALF =
  '€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ' + // 0x80
  '\u0090‘’“”•–—\u0098™š›śťžź' + //        0x90
  '\u00A0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00AD®Ż' + //      0xA0
  '°±˛ł´µ¶·¸ąş»Ľ˝ľż' + //                0xB0
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' + //                0xC0
  'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' + //                0xD0
  'ŕáâăäĺćçčéęëěíîď' + //                0xE0
  'đńňóôőö÷řůúűüýţ˙'; //                 0xF0

if (UPPER_HALF.length !== 128) throw new Error('windows-1250 table must have 128 entries');

/** Decodes bytes [start, end) of `bytes`; builds only the returned string, no copy of the input. */
export function decodeWindows1250(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  let asciiFrom = start;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte < 0x80) continue;
    if (i > asciiFrom) out += Buffer.from(bytes.buffer, bytes.byteOffset + asciiFrom, i - asciiFrom).toString('latin1');
    out += UPPER_HALF[byte - 0x80];
    asciiFrom = i + 1;
  }
  if (end > asciiFrom) out += Buffer.from(bytes.buffer, bytes.byteOffset + asciiFrom, end - asciiFrom).toString('latin1');
  return out;
}
