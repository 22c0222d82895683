import { parseBalance, parseStatementLine } from '../../../../domain/statements/mt940-fields';

describe('parseBalance', () => {
  it('reads mark, date, currency and comma amount', () => {
    expect(parseBalance('C260131BDT45000,00')).toEqual({ date: '2026-01-31', currency: 'BDT', amountMinor: 4500000 });
    expect(parseBalance('D260131JPY1500,')).toEqual({ date: '2026-01-31', currency: 'JPY', amountMinor: -1500 });
    expect(() => parseBalance('C260131BDT45000.00')).toThrow('is not D/C + YYMMDD + currency + amount');
  });
});

describe('parseStatementLine', () => {
  it('reads value date, entry date, mark, funds code, amount, type and both references', () => {
    expect(parseStatementLine(['2602030203CK1200,00NTRF20101//DB2602030001', 'SUPPLEMENTARY'], 'CZK')).toEqual({
      valueDate: '2026-02-03',
      bookingDate: '2026-02-03',
      amountMinor: 120000,
      transactionType: 'NTRF',
      customerReference: '20101',
      bankReference: 'DB2602030001',
      supplementary: 'SUPPLEMENTARY',
      reversal: false,
    });
  });

  it('reads an entry date written as spaces, a whole amount without a comma and a type padded with spaces', () => {
    expect(parseStatementLine(['260203    C500NTRFNONREF//B1'], 'CZK')).toMatchObject({ bookingDate: '2026-02-03', amountMinor: 50000, transactionType: 'NTRF', bankReference: 'B1' });
    expect(parseStatementLine(['2602030204D12,5NTR NONREF//B2'], 'CZK')).toMatchObject({ bookingDate: '2026-02-04', amountMinor: -1250, transactionType: 'NTR', bankReference: 'B2' });
    expect(parseStatementLine(['260203C7,00NMS'], 'CZK')).toMatchObject({ amountMinor: 700, transactionType: 'NMS' });
  });

  it('picks the entry year nearest the value date', () => {
    expect(parseStatementLine(['2601021231D1,00NMSCNONREF'], 'CZK').bookingDate).toBe('2025-12-31');
    expect(parseStatementLine(['2512310102C1,00NMSCNONREF'], 'CZK').bookingDate).toBe('2026-01-02');
    expect(() => parseStatementLine(['2601021332C1,00NMSCNONREF'], 'CZK')).toThrow("entry date '1332' is not a valid MMDD");
  });

  it('signs reversals and treats NONREF as no reference', () => {
    const line = parseStatementLine(['260102RC5,NTRFNONREF'], 'CZK');
    expect(line).toMatchObject({ amountMinor: -500, customerReference: undefined, bankReference: undefined });
    expect(parseStatementLine(['260102RD5,NTRF'], 'CZK').amountMinor).toBe(500);
    expect(parseStatementLine(['260102RD5,NTRF'], 'CZK').reversal).toBe(true);
    expect(parseStatementLine(['260102D5,NTRF'], 'CZK').reversal).toBe(false);
  });

  it('rejects amounts with more decimals than the currency has', () => {
    expect(() => parseStatementLine(['260102C5,5NTRF'], 'JPY')).toThrow('more than 0 decimal places');
  });
});
