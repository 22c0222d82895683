import { decodeWindows1250 } from '../../../../domain/statements/windows-1250';

describe('decodeWindows1250', () => {
  it('agrees with the WHATWG windows-1250 decoder on all 256 bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1250(all)).toBe(new TextDecoder('windows-1250').decode(all));
  });

  it('decodes Czech names', () => {
    const bytes = Buffer.from([0x44, 0x76, 0x6f, 0xf8, 0xe1, 0x6b, 0x20, 0x4a, 0x69, 0xf8, 0xed, 0x2c, 0x20, 0x8a, 0x9d, 0x61, 0x73, 0x74, 0x6e, 0xe1]);
    expect(decodeWindows1250(bytes)).toBe('Dvořák Jiří, Šťastná');
  });

  it('decodes only the requested range of a larger buffer', () => {
    const bytes = Buffer.from([0x41, 0xc8, 0x65, 0x73, 0x6b, 0xfd, 0x42]);
    expect(decodeWindows1250(bytes, 1, 6)).toBe('Český');
    expect(decodeWindows1250(bytes.subarray(1, 3))).toBe('Če');
  });
});
