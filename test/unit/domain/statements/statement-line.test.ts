import { statementAccountOf, StatementHeader } from '../../../../domain/statements/statement-line';

describe('statementAccountOf', () => {
  it('returns whichever account form the header carries', () => {
    const iban: StatementHeader = { accountIban: 'CZ8620100000002900123456', currency: 'CZK' };
    const local: StatementHeader = { accountNumber: '1051100012345', currency: 'BDT' };
    expect(statementAccountOf(iban)).toBe('CZ8620100000002900123456');
    expect(statementAccountOf(local)).toBe('1051100012345');
  });
});
