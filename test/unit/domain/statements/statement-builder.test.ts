import { StatementBuilder } from '../../../../domain/statements/statement-builder';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';

const account = 'CZ8620100000002900123456';
const line = (lineNo: number, amountMinor: number, currency = 'CZK') => ({ lineNo, bookingDate: '2026-02-02', amountMinor, currency });

describe('StatementBuilder', () => {
  it('assembles header and lines, leaving out absent fields', () => {
    const builder = new StatementBuilder('mt940');
    builder.beginSection({ account, statementId: '1', from: '2026-02-01', openingBalanceMinor: 100 }, { lineNo: 1 });
    builder.addLine({ ...line(2, 50), message: undefined, bankReference: 'B' }, { lineNo: 2 });
    builder.endSection({ closingBalanceMinor: 150, to: '2026-02-02' }, { lineNo: 3 });
    expect(builder.finish({ lineNo: 4 })).toEqual({
      header: { accountIban: 'CZ8620100000002900123456', currency: 'CZK', statementId: '1', from: '2026-02-01', to: '2026-02-02', openingBalanceMinor: 100, closingBalanceMinor: 150 },
      lines: [{ ...line(2, 50), bankReference: 'B', identity: 'ref:2900123456/2010:B' }],
    });
    expect(Object.keys(builder.finish({}).lines[0])).not.toContain('message');
  });

  it('takes opening balance from the first section and closing from the last, reconciling each', () => {
    const builder = new StatementBuilder('gpc');
    builder.beginSection({ account }, {});
    builder.addLine(line(1, 10), {});
    builder.endSection({ openingBalanceMinor: 0, closingBalanceMinor: 10 }, {});
    builder.beginSection({ account: '2900123456/2010' }, {});
    builder.addLine(line(2, -3), {});
    builder.endSection({ openingBalanceMinor: 10, closingBalanceMinor: 7 }, {});
    expect(builder.finish({}).header).toMatchObject({ openingBalanceMinor: 0, closingBalanceMinor: 7 });
  });

  it('rejects unreconciled balances unless told not to verify them', () => {
    const run = (verifyBalances?: boolean) => {
      const builder = new StatementBuilder('gpc', { verifyBalances });
      builder.beginSection({ account, openingBalanceMinor: 0 }, {});
      builder.addLine(line(1, 10), {});
      builder.endSection({ closingBalanceMinor: 11 }, { lineNo: 9 });
      return builder.finish({});
    };
    expect(run).toThrow(new StatementFormatError('gpc', { lineNo: 9 }, 'balances do not reconcile: opening 0.00 CZK + lines 0.10 CZK ≠ closing 0.11 CZK; is the file complete?'));
    expect(run(false).lines).toHaveLength(1);
  });

  it('names who disagrees about the currency', () => {
    const fromFile = new StatementBuilder('csv');
    fromFile.beginSection({ account }, {});
    fromFile.requireCurrency('CZK', 'statement', {});
    expect(() => fromFile.addLine(line(7, 1, 'EUR'), { lineNo: 7 })).toThrow('multiple currencies: line 7 is EUR, statement is CZK');
    const fromAccount = new StatementBuilder('csv', { currency: 'CZK' });
    expect(() => fromAccount.requireCurrency('EUR', 'statement', {})).toThrow('multiple currencies: statement is EUR, account is CZK');
  });

  it.each([
    ['a line before any statement', (b: StatementBuilder) => b.addLine(line(1, 1), {}), 'statement line outside a statement'],
    ['a second account', (b: StatementBuilder) => {
      b.beginSection({ account }, {});
      b.endSection({}, {});
      b.beginSection({ account: '1051100012345' }, {});
    }, 'file holds statements of several accounts (CZ8620100000002900123456 and 1051100012345)'],
    ['nested sections', (b: StatementBuilder) => {
      b.beginSection({ account }, {});
      b.beginSection({ account }, {});
    }, 'a new statement starts before the previous one has ended'],
    ['an unclosed section', (b: StatementBuilder) => {
      b.beginSection({ account }, {});
      b.finish({});
    }, 'file ends inside a statement'],
    ['no statement', (b: StatementBuilder) => b.finish({}), 'no statement found in the file'],
    ['no currency', (b: StatementBuilder) => {
      b.beginSection({ account }, {});
      b.endSection({}, {});
      b.finish({});
    }, 'statement currency is unknown'],
  ])('rejects %s', (_name, act, reason) => {
    expect(() => act(new StatementBuilder('camt053'))).toThrow(reason);
  });
});
