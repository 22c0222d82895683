// Czech payment symbols: the variable symbol (VS) identifies the payer or invoice,
// the specific (SS) and constant (KS) symbols are secondary. Banks carry them either in
// dedicated fields or inside free text ('VS:123456', 'VS 123456', '/VS/123/SS/45/KS/0308',
// 'VS123456' in a camt EndToEndId), so one reader serves every format.

export interface PaymentSymbols {
  variableSymbol?: string;
  specificSymbol?: string;
  constantSymbol?: string;
}

// The lookbehind stops 'VS' matching inside words; the lookahead stops an 11th digit being cut off.
const SYMBOL_IN_TEXT = /(?<![A-Za-z0-9])(VS|SS|KS)[\s:./#=-]*(\d{1,10})(?!\d)/gi;

/** Variable and specific symbols compare without padding zeros: '0000123456' is '123456'. All zeros means absent. */
export function normalizeSymbol(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text)) return text.toUpperCase();
  const stripped = text.replace(/^0+/, '');
  return stripped === '' ? undefined : stripped;
}

/** Constant symbols are conventionally written with four digits ('0308'). */
export function normalizeConstantSymbol(raw: string | undefined): string | undefined {
  const symbol = normalizeSymbol(raw);
  return symbol && /^\d{1,3}$/.test(symbol) ? symbol.padStart(4, '0') : symbol;
}

/** The first VS, SS and KS written in `text`. */
export function symbolsInText(text: string | undefined): PaymentSymbols {
  const found: PaymentSymbols = {};
  if (!text) return found;
  for (const match of text.matchAll(SYMBOL_IN_TEXT)) {
    const kind = match[1].toUpperCase();
    if (kind === 'VS') found.variableSymbol ??= normalizeSymbol(match[2]);
    else if (kind === 'SS') found.specificSymbol ??= normalizeSymbol(match[2]);
    else found.constantSymbol ??= normalizeConstantSymbol(match[2]);
  }
  return found;
}

/** Field values win over symbols found in text; text only fills the gaps. */
export function mergeSymbols(...sources: PaymentSymbols[]): PaymentSymbols {
  const merged: PaymentSymbols = {};
  for (const source of sources) {
    merged.variableSymbol ??= source.variableSymbol;
    merged.specificSymbol ??= source.specificSymbol;
    merged.constantSymbol ??= source.constantSymbol;
  }
  return merged;
}
