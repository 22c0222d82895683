import { settleAssignedLine } from '../../../../domain/statements/manual-match';
import { MatchCandidate } from '../../../../domain/statements/match-types';

const customer: MatchCandidate = {
  customerId: '7',
  paymentReference: '5007',
  openInvoices: [
    { id: '11', number: '2026-000011', dueDate: '2026-03-15', outstandingMinor: 50_000 },
    { id: '12', number: '2026-000012', dueDate: '2026-04-15', outstandingMinor: 50_000 },
  ],
  totalDueMinor: 100_000,
};
const line = { lineNo: 4, identity: 'x', amountMinor: 50_000 };
const paid = (outcome: ReturnType<typeof settleAssignedLine>) => outcome.allocations.map((a) => [a.invoiceId, a.appliedMinor]);

describe('settleAssignedLine (a clerk assigns an exception to a customer)', () => {
  it('pays the oldest invoice first when nobody named one', () => {
    expect(paid(settleAssignedLine(line, customer))).toEqual([['11', 50_000]]);
  });

  it("pays the invoice the payer's message names, as an automatic match would", () => {
    expect(paid(settleAssignedLine({ ...line, message: 'faktura 2026-000012, díky' }, customer))).toEqual([['12', 50_000]]);
  });

  it("pays the invoice the clerk names over the payer's", () => {
    expect(paid(settleAssignedLine({ ...line, message: 'faktura 2026-000012' }, customer, '11'))).toEqual([['11', 50_000]]);
  });

  it('refuses outgoing money and an invoice of someone else', () => {
    expect(() => settleAssignedLine({ ...line, amountMinor: -100 }, customer)).toThrow('only incoming money can be assigned to a customer');
    expect(() => settleAssignedLine(line, customer, '99')).toThrow('invoice 99 is not an open invoice of customer 7');
  });
});
