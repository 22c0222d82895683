import { readHeaderRecord, readItemRecord } from '../../../../domain/statements/gpc-records';

const HEADER = '0740000002400222222Novák, Jan          26061200000000019500+00000000019501+00000000000100-000000000001010000300612FIO'.padEnd(128);
const ITEM = '075000000240022222200000029002333330001148734530000000000100200000000000020100558000000000026061' + '2Novák, Pavel        00203260612';

describe('GPC records (layout as published by Fio banka)', () => {
  it('reads the 074 header', () => {
    expect(readHeaderRecord(HEADER)).toEqual({
      account: '2400222222',
      accountName: 'Novák, Jan',
      openingDate: '2012-06-26',
      opening: { digits: '00000000019500', negative: false },
      closing: { digits: '00000000019501', negative: false },
      statementNumber: undefined,
      date: '2012-06-30',
    });
  });

  it('reads the 075 item, the bank code being the first half of the constant symbol field', () => {
    expect(ITEM).toHaveLength(128);
    expect(readItemRecord(ITEM)).toEqual({
      account: '2400222222',
      counterAccount: '2900233333/2010',
      documentNumber: '1148734530',
      amountHundredths: '000000000100',
      accountingCode: '2',
      variableSymbol: '0000000000',
      constantSymbol: '0558',
      specificSymbol: '0000000000',
      valueDate: '2012-06-26',
      counterName: 'Novák, Pavel',
      currencyNumeric: '0203',
      bookingDate: '2012-06-26',
    });
  });

  it('rejects a sign that is neither + nor -', () => {
    expect(() => readHeaderRecord(HEADER.slice(0, 59) + '*' + HEADER.slice(60))).toThrow("old balance sign must be '+' or '-', got '*'");
  });
});
