// How many SMS parts a text costs. Carriers bill per segment, so the templates are
// written to fit one GSM-7 segment in English; Bengali needs UCS-2 and always costs more.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentInfo {
  encoding: SmsEncoding;
  /** septets for GSM-7 (extension characters count twice), UTF-16 code units for UCS-2 */
  units: number;
  segments: number;
}

// 3GPP TS 23.038 default alphabet; ESC (0x1B) is left out because it only introduces
// the extension table and never stands for a character of its own.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
    'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  // A concatenated part loses 7 septets / 3 UCS-2 characters to the user data header.
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/** Encoding, length and segment count of an SMS body, as a carrier would split it. */
export function smsSegments(text: string): SmsSegmentInfo {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // Each element is one character that may not be split across two parts:
  // an escape + extension septet pair, or a UTF-16 surrogate pair.
  const costs = [...text].map((ch) => (encoding === 'GSM-7' ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1 };

  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}
