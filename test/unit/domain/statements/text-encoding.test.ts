import { decodeCodePage } from '../../../../domain/statements/code-pages';
import { detectEncoding } from '../../../../domain/statements/text-encoding';

const TEXT = 'Příliš žluťoučký kůň úpěl ďábelské ódy; Šťastný Řehoř';
// Encodes by searching each table, so a letter missing from a table fails the round trip.
const encode = (page: string): Buffer => Buffer.from(Array.from(TEXT, (c) => {
  for (let b = 0x80; b < 0x100; b++) if (decodeCodePage(page as 'cp852', Buffer.from([b])) === c) return b;
  return c.charCodeAt(0);
}));

describe('detectEncoding', () => {
  it('tells Windows-1250, ISO-8859-2, CP852 and UTF-8 apart on Czech text', () => {
    expect(detectEncoding(Buffer.from(TEXT))).toBe('utf-8');
    for (const page of ['windows-1250', 'iso-8859-2', 'cp852'] as const) {
      const bytes = encode(page);
      expect(detectEncoding(bytes)).toBe(page);
      expect(decodeCodePage(page, bytes)).toBe(TEXT);
    }
  });

  it('decodes ISO-8859-2 as the WHATWG decoder does', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decodeCodePage('iso-8859-2', all)).toBe(new TextDecoder('iso-8859-2').decode(all));
  });
});
