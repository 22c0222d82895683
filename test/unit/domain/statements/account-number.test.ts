import { accountMatchKey, compactAccount, czechIban, domesticAccount, ibanChecksumValid, identityAccountKey, isIbanLike, normalizedAccount } from '../../../../domain/statements/account-number';

describe('account numbers', () => {
  it('compacts spacing and case', () => {
    expect(compactAccount(' cz65 0800 0000 1920 0014 5399 ')).toBe('CZ6508000000192000145399');
    expect(isIbanLike('CZ65 0800 0000 1920 0014 5399')).toBe(true);
    expect(isIbanLike('19-2000145399/0800')).toBe(false);
  });

  it('writes Czech domestic accounts without padding zeros', () => {
    expect(domesticAccount('000019', '2000145399', '0800')).toBe('19-2000145399/0800');
    expect(domesticAccount('000000', '0002900123456'.slice(3), '0000')).toBe('2900123456');
    expect(domesticAccount('000000', '0000000000')).toBeUndefined();
  });

  it('gives one key for the IBAN and domestic spelling of a Czech or Slovak account', () => {
    expect(accountMatchKey('CZ65 0800 0000 1920 0014 5399')).toBe('19-2000145399/0800');
    expect(accountMatchKey('000019-2000145399/0800')).toBe('19-2000145399/0800');
    expect(accountMatchKey('SK3112000000198742637541')).toBe('19-8742637541/1200');
    expect(accountMatchKey('DE89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(accountMatchKey('01711 000001')).toBe('01711000001');
  });
});

describe('one Czech account in every spelling', () => {
  it.each(['CZ0520100000002801234578', '2010/2801234578', '2801234578/2010', '000000-2801234578/2010', 'CZ05 2010 0000 0028 0123 4578'])('%s is CZ0520100000002801234578', (raw) => {
    expect(normalizedAccount(raw)).toBe('CZ0520100000002801234578');
    expect(accountMatchKey(raw)).toBe('2801234578/2010');
  });

  it('checks IBAN and Czech checksums and derives no IBAN for an account that fails its own', () => {
    expect(ibanChecksumValid('CZ0520100000002801234578')).toBe(true);
    expect(ibanChecksumValid('CZ0620100000002801234578')).toBe(false);
    expect(czechIban({ prefix: '', number: '2801234579', bankCode: '2010' })).toBeUndefined();
    expect(normalizedAccount('2801234579/2010')).toBe('2801234579/2010');
  });

  it('keeps a number without bank code, and the identity key of the written form', () => {
    expect(normalizedAccount('2801234578')).toBe('2801234578');
    expect(normalizedAccount('1051100012345')).toBe('1051100012345');
    expect(identityAccountKey('2010/2801234578')).toBe('2010/2801234578');
  });
});
