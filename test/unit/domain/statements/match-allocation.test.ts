import { applySettlement, openLedger, settle } from '../../../../domain/statements/match-allocation';
import { MatchCandidate } from '../../../../domain/statements/match-types';

const tomas: MatchCandidate = {
  customerId: 'C-CZ-003',
  openInvoices: [
    { id: 'i-163', number: '2026-000163', dueDate: '2026-02-15', outstandingMinor: 49900 },
    { id: 'i-103', number: '2026-000103', dueDate: '2025-12-15', outstandingMinor: 49900 },
    { id: 'i-133', number: '2026-000133', dueDate: '2026-01-15', outstandingMinor: 30000 },
  ],
  totalDueMinor: 129800,
};
const none = new Set<string>();
const paid = (kind: string, ...allocations: [string, number, number][]) => ({ kind, allocations: allocations.map(([invoiceId, appliedMinor, outstandingAfterMinor]) => ({ invoiceId, appliedMinor, outstandingAfterMinor })) });

describe('settle', () => {
  it('orders the ledger oldest first', () => {
    expect(openLedger(tomas).invoices.map((i) => i.id)).toEqual(['i-103', 'i-133', 'i-163']);
  });

  it('1. exact: one invoice, preferring the one the message names', () => {
    expect(settle(openLedger(tomas), 49900, none)).toMatchObject(paid('exact', ['i-103', 49900, 0]));
    expect(settle(openLedger(tomas), 49900, new Set(['i-163']))).toMatchObject(paid('exact', ['i-163', 49900, 0]));
  });

  it('2. multi_invoice: the invoices the message names, when they add up', () => {
    expect(settle(openLedger(tomas), 99800, new Set(['i-103', 'i-163']))).toMatchObject(paid('multi_invoice', ['i-103', 49900, 0], ['i-163', 49900, 0]));
  });

  it('3. exact: the total due, oldest first', () => {
    expect(settle(openLedger(tomas), 129800, none)).toMatchObject({ ...paid('exact', ['i-103', 49900, 0], ['i-133', 30000, 0], ['i-163', 49900, 0]), creditMinor: 0 });
  });

  it('4. multi_invoice: the oldest invoices, when they add up', () => {
    expect(settle(openLedger(tomas), 79900, none)).toMatchObject(paid('multi_invoice', ['i-103', 49900, 0], ['i-133', 30000, 0]));
  });

  it('5. under- and overpayment, oldest first', () => {
    expect(settle(openLedger(tomas), 60000, none)).toMatchObject({ ...paid('underpayment', ['i-103', 49900, 0], ['i-133', 10100, 19900]), allocatedMinor: 60000, creditMinor: 0 });
    expect(settle(openLedger(tomas), 130000, none)).toMatchObject({ kind: 'overpayment', allocatedMinor: 129800, creditMinor: 200 });
    expect(settle(openLedger({ ...tomas, openInvoices: [], totalDueMinor: 0 }), 500, none)).toEqual({ kind: 'overpayment', allocations: [], allocatedMinor: 0, creditMinor: 500 });
  });

  it('applies a settlement so the next payment sees what is still open', () => {
    const ledger = openLedger(tomas);
    const first = settle(ledger, 49900, none);
    expect(applySettlement(ledger, 49900, first)).toBe(79900);
    expect(ledger.dueRemainingMinor).toBe(79900);
    expect(settle(ledger, 79900, none)).toMatchObject(paid('exact', ['i-133', 30000, 0], ['i-163', 49900, 0]));
    expect(tomas.openInvoices[1].outstandingMinor).toBe(49900);
  });
});
