import { accountMatchKey, compactAccount, domesticAccount, isIbanLike } from '../../../../domain/statements/account-number';

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
