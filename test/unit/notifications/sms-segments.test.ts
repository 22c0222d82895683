import { isGsm7, smsSegments } from '../../../notifications';

describe('smsSegments', () => {
  it('counts GSM-7 text: 160 septets in one segment, 153 per part after that', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters such as € and { as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('{'.repeat(81))).toEqual({ encoding: 'GSM-7', units: 162, segments: 2 });
  });

  it('never splits an escape sequence across two parts', () => {
    // 306 septets would fit two parts, but the € cannot straddle the boundary.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('counts UCS-2 text (Bengali): 70 characters in one segment, 67 per part after that', () => {
    expect(smsSegments('অ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSegments('অ'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    expect(smsSegments('অ'.repeat(134)).segments).toBe(2);
    expect(smsSegments('অ'.repeat(135)).segments).toBe(3);
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7', () => {
    expect(smsSegments(`${'a'.repeat(100)}ř`)).toEqual({ encoding: 'UCS-2', units: 101, segments: 2 });
  });

  it('counts an emoji as two UCS-2 units and keeps the surrogate pair in one part', () => {
    expect(smsSegments('😀').units).toBe(2);
    expect(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});

describe('isGsm7', () => {
  it('accepts the GSM 03.38 alphabet and its extension table', () => {
    expect(isGsm7('Pay 1250.00 BDT @ ref STL-1 (é, ñ, Ä, £, ¥) [ok] {x} ~ | ^ € \\')).toBe(true);
  });

  it('rejects typographic quotes, dashes and non-Latin scripts', () => {
    for (const s of ['’', '“', '—', 'č', 'প্রিয়', '\u001b']) expect(isGsm7(s)).toBe(false);
  });
});
