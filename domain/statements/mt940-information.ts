// MT940 field :86: ("information to account owner"). Many banks structure it with
// '?NN' subfields (the German/ZKA layout also used across Central Europe):
//   ?00 posting text, ?20–?29 and ?60–?63 purpose, ?30 counterparty bank, ?31 account,
//   ?32–?33 name, ?38 IBAN. The separator is whatever character follows the 3-digit
// transaction code. Otherwise :86: is free text, searched for payment symbols.
import { compactAccount, isIbanLike } from './account-number';
import { slashKeyed } from './mt940-slash-keys';
import { mergeSymbols, PaymentSymbols, symbolsInText } from './payment-symbols';

export interface Mt940Information extends PaymentSymbols {
  message?: string;
  counterName?: string;
  counterAccount?: string;
}

const STRUCTURED = /^\d{3}([^A-Za-z0-9\s])\d{2}/;
const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC)\+/g;
// Subfields are 27 characters; a full one was cut by the bank mid-text and continues in the next.
const SUBFIELD_WIDTH = 27;
const PURPOSE_CODES = [...codes(20, 29), ...codes(60, 63)];
const boundaries = new Map<string, RegExp>();

export function parseInformation(lines: readonly string[]): Mt940Information {
  const joined = lines.join('');
  const structured = STRUCTURED.exec(joined);
  if (!structured) {
    const text = lines.map((l) => l.trim()).filter(Boolean).join(' ') || undefined;
    const keyed = slashKeyed(text);
    const message = keyed.message ?? text;
    return { ...mergeSymbols(symbolsInText(message), symbolsInText(text)), message, counterName: keyed.counterName, counterAccount: keyed.counterAccount ?? markedAccount(text) };
  }
  const fields = subfields(joined.slice(3), structured[1]);
  const purposeParts = PURPOSE_CODES.flatMap((c) => fields.get(c) ?? []);
  const purpose = joinWrapped(purposeParts);
  const sepa = sepaSections(purpose);
  const message = (sepa.get('SVWZ') ?? (sepa.size > 0 ? undefined : purpose)) || fields.get('00')?.join(' ') || undefined;
  const symbols = mergeSymbols(symbolsInText(sepa.get('EREF')), ...purposeParts.map(symbolsInText), symbolsInText(purpose));
  const name = joinWrapped([...(fields.get('32') ?? []), ...(fields.get('33') ?? [])]) || undefined;
  return { ...symbols, message, counterName: name, counterAccount: counterAccount(fields) ?? markedAccount(purpose) };
}

// Czech banks write the payer's account into free text: 'PROTIUCET 217543110/0300', 'Protiúčet: 19-2000145399/0800'.
const COUNTER_ACCOUNT_MARK = /PROTI[UÚ][CČ]ET\s*:?\s*((?:\d{1,6}-)?\d{1,10}\/\d{4}|[A-Z]{2}\d{2}[A-Z0-9]{10,30})(?![\dA-Z])/i;

function markedAccount(text: string | undefined): string | undefined {
  return text ? COUNTER_ACCOUNT_MARK.exec(text)?.[1] : undefined;
}

function codes(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

function subfields(text: string, separator: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let boundary = boundaries.get(separator);
  if (!boundary) {
    boundary = new RegExp(`${separator.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=\\d{2})`);
    boundaries.set(separator, boundary);
  }
  for (const part of text.split(boundary)) {
    if (!/^\d{2}/.test(part)) continue;
    const code = part.slice(0, 2);
    fields.set(code, [...(fields.get(code) ?? []), part.slice(2)]);
  }
  return fields;
}

function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const [i, part] of parts.entries()) {
    const glue = i === 0 || parts[i - 1].length >= SUBFIELD_WIDTH ? '' : ' ';
    out += glue + (i === 0 ? part.trimStart() : part);
  }
  return out.trim();
}

function sepaSections(purpose: string): Map<string, string> {
  const sections = new Map<string, string>();
  const marks = [...purpose.matchAll(SEPA_KEYWORD)];
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = i + 1 < marks.length ? marks[i + 1].index : purpose.length;
    sections.set(mark[1], purpose.slice(start, end).trim());
  });
  return sections;
}

function counterAccount(fields: Map<string, string[]>): string | undefined {
  const iban = fields.get('38')?.join('').trim();
  if (iban) return compactAccount(iban);
  const account = fields.get('31')?.join('').trim();
  if (!account) return undefined;
  if (isIbanLike(account)) return compactAccount(account);
  const bank = fields.get('30')?.join('').trim();
  return bank && /^\d{4}$/.test(bank) ? `${account}/${bank}` : account;
}
