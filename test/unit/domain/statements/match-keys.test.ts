import { CandidateIndex } from '../../../../domain/statements/match-keys';
import { MatchCandidate } from '../../../../domain/statements/match-types';
import { StatementLine } from '../../../../domain/statements/statement-line';

const candidates: MatchCandidate[] = [
  { customerId: 'C-CZ-002', paymentReference: '1002', openInvoices: [{ id: 'i-102', number: '2026-000102', dueDate: '2026-02-15', outstandingMinor: 1 }], totalDueMinor: 1 },
  { customerId: 'C-CZ-004', paymentReference: '1004', openInvoices: [{ id: 'i-104', number: '2026-000104', dueDate: '2026-02-15', outstandingMinor: 1 }], totalDueMinor: 1 },
  { customerId: 'C-CZ-006', paymentReference: '1006', knownCounterAccounts: ['2801234567/2010'], openInvoices: [], totalDueMinor: 0 },
  { customerId: 'C-CZ-007', knownCounterAccounts: ['CZ1120100000002801234567'], openInvoices: [], totalDueMinor: 0 },
];
const index = new CandidateIndex(candidates);
const line = (fields: Partial<StatementLine>): StatementLine => ({ lineNo: 1, bookingDate: '2026-02-02', amountMinor: 1, currency: 'CZK', identity: 'x', ...fields });

describe('CandidateIndex.identify', () => {
  it('identifies by variable symbol, ignoring padding zeros', () => {
    expect(index.identify(line({ variableSymbol: '0000001002' }))).toEqual({
      customerIds: ['C-CZ-002'],
      matchedBy: 'variable_symbol',
      mentionedInvoiceIds: new Set(),
      detail: 'VS 1002 → C-CZ-002',
    });
  });

  it('finds invoice numbers as whole tokens in the message, in any case and punctuation', () => {
    const who = index.identify(line({ message: 'Úhrada fa.č.2026-000104, díky!' }));
    expect(who).toMatchObject({ customerIds: ['C-CZ-004'], matchedBy: 'invoice_number', detail: 'invoice 2026-000104 → C-CZ-004' });
    expect(who.mentionedInvoiceIds).toEqual(new Set(['i-104']));
    expect(index.identify(line({ message: 'ref 2026-0001040' })).customerIds).toEqual([]);
  });

  it('reports disagreeing explicit clues as several candidates', () => {
    expect(index.identify(line({ variableSymbol: '1002', message: 'faktura 2026-000104' }))).toMatchObject({
      customerIds: ['C-CZ-002', 'C-CZ-004'],
      matchedBy: undefined,
      detail: 'VS 1002 → C-CZ-002; invoice 2026-000104 → C-CZ-004',
    });
  });

  it('agreeing clues name one customer, by the strongest', () => {
    expect(index.identify(line({ variableSymbol: '1004', message: 'faktura 2026-000104 VS 1004' }))).toMatchObject({ customerIds: ['C-CZ-004'], matchedBy: 'variable_symbol' });
  });

  it('falls back to remembered payer accounts in any spelling', () => {
    expect(index.identify(line({ counterAccount: 'CZ11 2010 0000 0028 0123 4567' }))).toMatchObject({
      customerIds: ['C-CZ-006', 'C-CZ-007'],
      detail: 'payer account CZ11 2010 0000 0028 0123 4567 → C-CZ-006, C-CZ-007',
    });
    expect(index.identify(line({ variableSymbol: '1006', counterAccount: '2801234567/2010' })).customerIds).toEqual(['C-CZ-006']);
  });

  it('reads a specific symbol as a customer reference only when the explicit clues name nobody, and not against a remembered payer account', () => {
    expect(index.identify(line({ specificSymbol: '0001004', constantSymbol: '1002' }))).toMatchObject({ customerIds: ['C-CZ-004'], matchedBy: 'specific_symbol', detail: 'SS 1004 → C-CZ-004' });
    expect(index.identify(line({ message: '/VS/555/SS/1004/KS/0308' }))).toMatchObject({ customerIds: ['C-CZ-004'], matchedBy: 'specific_symbol' });
    // A VS that names someone wins; the SS is not a second opinion that could make it ambiguous.
    expect(index.identify(line({ variableSymbol: '1002', specificSymbol: '1004' }))).toMatchObject({ customerIds: ['C-CZ-002'], matchedBy: 'variable_symbol' });
    // An SS and a remembered payer account that disagree are both only hints: nobody is guessed.
    expect(index.identify(line({ specificSymbol: '1004', counterAccount: 'CZ11 2010 0000 0028 0123 4567' }))).toMatchObject({
      customerIds: ['C-CZ-004', 'C-CZ-006', 'C-CZ-007'], matchedBy: undefined,
    });
    expect(index.identify(line({ specificSymbol: '1006', counterAccount: '2801234567/2010' }))).toMatchObject({ customerIds: ['C-CZ-006', 'C-CZ-007'], matchedBy: undefined });
  });

  it('explains when nothing is known', () => {
    expect(index.identify(line({}))).toMatchObject({ customerIds: [], detail: 'no variable symbol, invoice number or known payer account' });
    expect(index.identify(line({ variableSymbol: '77', message: 'VS 78' })).detail).toBe('VS 77 → nobody; VS 78 in the message → nobody');
  });
});
