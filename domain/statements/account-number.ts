// Account numbers arrive as IBANs (camt.053), as Czech "prefix-number/bank" (GPC, CSV)
// or as whatever a bank prints in MT940 :25:. Matching a remembered payer account must
// not depend on which of those forms today's statement used, so Czech and Slovak IBANs
// are reduced to the domestic form they encode.

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
const DOMESTIC_CZ_SK = /^(?:(\d{1,6})-)?(\d{1,10})\/(\d{4})$/;

export function compactAccount(raw: string): string {
  return raw.replace(/[\s\u00A0]/g, '').toUpperCase();
}

export function isIbanLike(raw: string): boolean {
  return IBAN.test(compactAccount(raw));
}

/** Czech/Slovak domestic account without padding zeros: '19-2000145399/0800', '2400222222/2010', '2400222222'. */
export function domesticAccount(prefix: string, number: string, bankCode?: string): string | undefined {
  const p = prefix.replace(/^0+/, '');
  const n = number.replace(/^0+/, '');
  if (n === '' && p === '') return undefined;
  const bank = bankCode && !/^0*$/.test(bankCode) ? `/${bankCode}` : '';
  return `${p ? `${p}-` : ''}${n || '0'}${bank}`;
}

/** One spelling per account, for comparing a statement's counter-account with remembered ones. */
export function accountMatchKey(raw: string): string {
  const compact = compactAccount(raw);
  if (IBAN.test(compact) && (compact.startsWith('CZ') || compact.startsWith('SK')) && compact.length === 24) {
    return domesticAccount(compact.slice(8, 14), compact.slice(14), compact.slice(4, 8)) ?? compact;
  }
  const domestic = DOMESTIC_CZ_SK.exec(compact);
  if (domestic) return domesticAccount(domestic[1] ?? '', domestic[2], domestic[3]) ?? compact;
  return compact;
}
