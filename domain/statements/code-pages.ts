// The single-byte code pages Czech banks write besides UTF-8: Windows-1250 (most exports),
// ISO-8859-2 (older Unix-based systems) and CP852 (DOS-era GPC/ABO exporters). Node's
// Buffer decoders know none of them, so their upper halves are mapped here; the lower
// half is ASCII in all three.

export type CodePage = 'windows-1250' | 'iso-8859-2' | 'cp852';

// Windows-1250 bytes the code page leaves undefined (0x81, 0x83, 0x88, 0x90, 0x98) map to the
// same-numbered C1 control, as the WHATWG Encoding Standard does, so no byte is silently dropped.
// prettier-ignore
const WINDOWS_1250_UPPER_HALF =
  '€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ' + // 0x80
  '\u0090‘’“”•–—\u0098™š›śťžź' + //        0x90
  '\u00A0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00AD®Ż' + //      0xA0
  '°±˛ł´µ¶·¸ąş»Ľ˝ľż' + //                0xB0
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' + //                0xC0
  'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' + //                0xD0
  'ŕáâăäĺćçčéęëěíîď' + //                0xE0
  'đńňóôőö÷řůúűüýţ˙'; //                 0xF0

// prettier-ignore
const ISO_8859_2_UPPER_HALF =
  '\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F' + // 0x80
  '\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F' + // 0x90
  '\u00A0Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u00ADŽŻ' + // 0xA0
  '°ą˛ł´ľśˇ¸šşťź˝žż' + //                 0xB0
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎ' + //                 0xC0
  'ĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' + //                 0xD0
  'ŕáâăäĺćçčéęëěíîď' + //                 0xE0
  'đńňóôőö÷řůúűüýţ˙'; //                  0xF0

// prettier-ignore
const CP852_UPPER_HALF =
  'ÇüéâäůćçłëŐőîŹÄĆ' + // 0x80
  'ÉĹĺôöĽľŚśÖÜŤťŁ×č' + // 0x90
  'áíóúĄąŽžĘę¬źČş«»' + // 0xA0
  '░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐' + // 0xB0
  '└┴┬├─┼Ăă╚╔╩╦╠═╬¤' + // 0xC0
  'đĐĎËďŇÍÎě┘┌█▄ŢŮ▀' + // 0xD0
  'ÓßÔŃńňŠšŔÚŕŰýÝţ´' + // 0xE0
  '\u00AD˝˛ˇ˘§÷¸°¨˙űŘř■\u00A0'; // 0xF0

export const UPPER_HALVES: Readonly<Record<CodePage, string>> = {
  'windows-1250': WINDOWS_1250_UPPER_HALF,
  'iso-8859-2': ISO_8859_2_UPPER_HALF,
  cp852: CP852_UPPER_HALF,
};

for (const [name, table] of Object.entries(UPPER_HALVES)) {
  if (table.length !== 128) throw new Error(`${name} table must have 128 entries`);
}

/** Decodes bytes [start, end) of `bytes`; builds only the returned string, no copy of the input. */
export function decodeCodePage(page: CodePage, bytes: Uint8Array, start = 0, end = bytes.length): string {
  const upper = UPPER_HALVES[page];
  let out = '';
  let asciiFrom = start;
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte < 0x80) continue;
    if (i > asciiFrom) out += Buffer.from(bytes.buffer, bytes.byteOffset + asciiFrom, i - asciiFrom).toString('latin1');
    out += upper[byte - 0x80];
    asciiFrom = i + 1;
  }
  if (end > asciiFrom) out += Buffer.from(bytes.buffer, bytes.byteOffset + asciiFrom, end - asciiFrom).toString('latin1');
  return out;
}
