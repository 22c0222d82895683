import { createHash } from 'node:crypto';
import { IdentityFields, LineIdentities } from '../../../../domain/statements/line-identity';

const payment: IdentityFields = { bookingDate: '2026-02-12', amountMinor: 25000, currency: 'CZK', variableSymbol: '99999' };

// The recipe written out independently of the implementation.
function expectedHash(account: string, line: IdentityFields, ordinal: number, counterKey = ''): string {
  const facts = JSON.stringify([
    'settle-statement-line-v1', account, line.bookingDate, line.amountMinor, line.currency, counterKey,
    line.variableSymbol ?? '', line.specificSymbol ?? '', line.constantSymbol ?? '',
  ]);
  return `sha256:${createHash('sha256').update(`${facts}#${ordinal}`).digest('hex')}`;
}

describe('LineIdentities', () => {
  it("uses the bank's reference, qualified by the account", () => {
    expect(new LineIdentities('CZ86 2010 0000 0029 0012 3456').next({ ...payment, bankReference: 'R-1' })).toBe('ref:2900123456/2010:R-1');
  });

  it('hashes the facts plus the ordinal among identical lines', () => {
    const identities = new LineIdentities('2900123456/2010');
    const first = identities.next(payment);
    const second = identities.next(payment);
    const other = identities.next({ ...payment, amountMinor: 25001 });
    expect(first).toBe(expectedHash('2900123456/2010', payment, 1));
    expect(second).toBe(expectedHash('2900123456/2010', payment, 2));
    expect(other).toBe(expectedHash('2900123456/2010', { ...payment, amountMinor: 25001 }, 1));
    expect(new Set([first, second, other]).size).toBe(3);
  });

  it('gives a re-import or an overlapping statement the same identities', () => {
    const earlier = [{ ...payment, bookingDate: '2026-02-11' }, payment, payment];
    const overlapping = [payment, payment, { ...payment, bookingDate: '2026-02-13' }];
    const a = new LineIdentities('2900123456/2010');
    const b = new LineIdentities('CZ8620100000002900123456');
    const fromEarlier = earlier.map((line) => a.next(line));
    const fromOverlapping = overlapping.map((line) => b.next(line));
    expect(fromOverlapping.slice(0, 2)).toEqual(fromEarlier.slice(1));
  });

  it('compares counter-accounts in one spelling and ignores free text', () => {
    const a = new LineIdentities('1');
    const b = new LineIdentities('1');
    const viaIban = a.next({ ...payment, counterAccount: 'CZ6508000000192000145399' });
    const viaDomestic = b.next({ ...payment, counterAccount: '19-2000145399/0800', message: 'different', counterName: 'x' } as IdentityFields);
    expect(viaIban).toBe(viaDomestic);
    expect(viaIban).toBe(expectedHash('1', payment, 1, '19-2000145399/0800'));
  });
});
