// Account numbers arrive as IBANs (camt.053), as Czech "prefix-number/bank" (GPC, CSV),
// as "bank/number" or "number/bank" in MT940 :25:, or without a bank code (GPC 074).
// Matching a remembered payer account must not depend on which of those forms today's
// statement used, so Czech and Slovak IBANs are reduced to the domestic form they encode
// (the match key), and parsers write Czech accounts as the IBAN when it can be derived.

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
const DOMESTIC_CZ_SK = /^(?:(\d{1,6})-)?(\d{1,10})\/(\d{4})$/;
// '2010/2801234578', '0800/19-2000145399': the bank code first, as some MT940 :25: write it.
const BANK_FIRST = /^(\d{4})\/(?:(\d{1,6})-)?(\d{5,10})$/;
// A prefix and number written as one 16-digit run, or a bare number (GPC 074, some :25:).
const WITHOUT_BANK = /^(?:(\d{1,6})-)?(\d{1,10})$|^(\d{6})(\d{10})$/;
const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

export interface DomesticAccount {
  prefix: string;
  number: string;
  bankCode?: string;
}

export function compactAccount(raw: string): string {
  return raw.replace(/[\s\u00A0]/g, '').toUpperCase();
}

export function isIbanLike(raw: string): boolean {
  return IBAN.test(compactAccount(raw));
}

/** ISO 13616 check: the IBAN with its first four characters moved to the end, read as a number, is 1 modulo 97. */
export function ibanChecksumValid(raw: string): boolean {
  const iban = compactAccount(raw);
  return IBAN.test(iban) && mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** Czech National Bank rule: prefix and number each have a weighted digit sum divisible by 11. */
export function czechChecksumValid(account: DomesticAccount): boolean {
  const weighted = (digits: string, weights: number[]) =>
    digits.padStart(weights.length, '0').split('').reduce((sum, digit, i) => sum + Number(digit) * weights[i], 0) % 11 === 0;
  return /^\d{0,6}$/.test(account.prefix) && /^\d{1,10}$/.test(account.number) && weighted(account.prefix, PREFIX_WEIGHTS) && weighted(account.number, NUMBER_WEIGHTS);
}

/** Czech/Slovak domestic account without padding zeros: '19-2000145399/0800', '2400222222/2010', '2400222222'. */
export function domesticAccount(prefix: string, number: string, bankCode?: string): string | undefined {
  const p = prefix.replace(/^0+/, '');
  const n = number.replace(/^0+/, '');
  if (n === '' && p === '') return undefined;
  const bank = bankCode && !/^0*$/.test(bankCode) ? `/${bankCode}` : '';
  return `${p ? `${p}-` : ''}${n || '0'}${bank}`;
}

/** The domestic account a raw spelling names: any Czech/Slovak IBAN or domestic form; undefined for anything else. */
export function readDomestic(raw: string): DomesticAccount | undefined {
  const compact = compactAccount(raw);
  if (/^(CZ|SK)\d{22}$/.test(compact)) return { prefix: compact.slice(8, 14), number: compact.slice(14), bankCode: compact.slice(4, 8) };
  const numberFirst = DOMESTIC_CZ_SK.exec(compact);
  if (numberFirst) return { prefix: numberFirst[1] ?? '', number: numberFirst[2], bankCode: numberFirst[3] };
  const bankFirst = BANK_FIRST.exec(compact);
  if (bankFirst) return { prefix: bankFirst[2] ?? '', number: bankFirst[3], bankCode: bankFirst[1] };
  const bare = WITHOUT_BANK.exec(compact);
  if (bare) return { prefix: bare[1] ?? bare[3] ?? '', number: bare[2] ?? bare[4] };
  return undefined;
}

/** The Czech IBAN of a domestic account with a bank code; undefined when the account fails its checksum. */
export function czechIban(account: DomesticAccount): string | undefined {
  if (!account.bankCode || !/^\d{4}$/.test(account.bankCode) || /^0+$/.test(account.bankCode) || !czechChecksumValid(account)) return undefined;
  const bban = account.bankCode + account.prefix.padStart(6, '0') + account.number.padStart(10, '0');
  const check = 98 - mod97(`${bban}CZ00`);
  return `CZ${String(check).padStart(2, '0')}${bban}`;
}

// A bare number of up to 10 digits could be any bank's in any country, so only forms that
// are Czech/Slovak by shape (a bank code, a prefix, 16 digits) are rewritten.
function domesticByShape(compact: string): DomesticAccount | undefined {
  if (/^[A-Z]{2}/.test(compact) && !/^(CZ|SK)\d{22}$/.test(compact)) return undefined;
  const domestic = readDomestic(compact);
  if (!domestic || (!domestic.bankCode && !compact.includes('-') && compact.length !== 16)) return undefined;
  return domestic;
}

/** One spelling per account, for comparing a statement's counter-account with remembered ones. */
export function accountMatchKey(raw: string): string {
  const compact = compactAccount(raw);
  const domestic = domesticByShape(compact);
  return (domestic && domesticAccount(domestic.prefix, domestic.number, domestic.bankCode)) ?? compact;
}

/** How a parser writes an account: a valid Czech account with its bank code as the IBAN, a domestic one without padding zeros, anything else compacted. */
export function normalizedAccount(raw: string): string {
  const compact = compactAccount(raw);
  const domestic = IBAN.test(compact) ? undefined : domesticByShape(compact);
  if (!domestic) return compact;
  return czechIban(domestic) ?? domesticAccount(domestic.prefix, domestic.number, domestic.bankCode) ?? compact;
}

/** The identity recipe's account key (settle-statement-line-v1), frozen: a changed key would book a re-imported file twice. */
export function identityAccountKey(raw: string): string {
  const compact = compactAccount(raw);
  if (IBAN.test(compact) && (compact.startsWith('CZ') || compact.startsWith('SK')) && compact.length === 24) {
    return domesticAccount(compact.slice(8, 14), compact.slice(14), compact.slice(4, 8)) ?? compact;
  }
  const domestic = DOMESTIC_CZ_SK.exec(compact);
  if (domestic) return domesticAccount(domestic[1] ?? '', domestic[2], domestic[3]) ?? compact;
  return compact;
}
