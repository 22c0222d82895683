// The slash-keyed :86: layout (SWIFT "structured narrative", used by e.g. Raiffeisen and
// ČSOB): '/REMI/USTD//Internet VS 1001/' for the payer's message, '/IBAN/' or '/ACCW/' for
// the counter-account, '/NAME/' for its holder, keys and values separated by single '/'.
// Free text such as '/VS/20103/ PARTIAL PAYMENT' has none of these keys and stays free text.
export interface SlashKeyed {
  message?: string;
  counterName?: string;
  counterAccount?: string;
}

const KEYS = ['REMI', 'IBAN', 'ACCW', 'NAME', 'EREF', 'ORDP', 'BENM', 'BIC', 'ADDR', 'PURP', 'CDTRREF', 'RTRN', 'ULTD', 'ULTB', 'CSID', 'MARF', 'SVCL'];
const KEY = new RegExp(`/(${KEYS.join('|')})/`, 'g');
const SIGNIFICANT = new Set(['REMI', 'IBAN', 'ACCW', 'NAME']);

export function slashKeyed(text: string | undefined): SlashKeyed {
  if (!text) return {};
  const marks = [...text.matchAll(KEY)];
  if (!marks.some((mark) => SIGNIFICANT.has(mark[1]))) return {};
  const values = new Map<string, string>();
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
    const value = text.slice(start, end).trim().replace(/^\/+|\/+$/g, '').trim();
    if (value && !values.has(mark[1])) values.set(mark[1], value);
  });
  // '/REMI/USTD//text' (unstructured) or '/REMI/STRD/CUR/ref' (a creditor reference).
  const remittance = values.get('REMI')?.replace(/^(USTD|STRD)\/+(CUR\/)?/, '').trim();
  const account = values.get('IBAN') ?? values.get('ACCW');
  return {
    message: remittance || undefined,
    counterName: values.get('NAME'),
    counterAccount: account ? compact(account) : undefined,
  };
}

function compact(account: string): string {
  return account.replace(/\s/g, '').toUpperCase();
}
