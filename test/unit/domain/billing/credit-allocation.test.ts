import { allocateCredits } from '../../../../domain/billing/credit-allocation';

const invoice = (id: string, dueDate: string, outstandingMinor: number) => ({ id, issueDate: dueDate.slice(0, 8) + '01', dueDate, outstandingMinor });

describe('allocateCredits', () => {
  it('spends the oldest credit first, each on the oldest due invoice first, across invoices', () => {
    const plan = allocateCredits(
      [{ paymentId: 'p1', creditMinor: 250 }, { paymentId: 'p2', creditMinor: 400 }],
      [invoice('nov', '2026-11-15', 300), invoice('oct', '2026-10-15', 200)],
    );
    expect(plan).toEqual([
      { paymentId: 'p1', invoiceId: 'oct', appliedMinor: 200 },
      { paymentId: 'p1', invoiceId: 'nov', appliedMinor: 50 },
      { paymentId: 'p2', invoiceId: 'nov', appliedMinor: 250 },
    ]);
  });

  it('leaves credit beyond every open invoice unspent, and spends nothing on nothing', () => {
    expect(allocateCredits([{ paymentId: 'p1', creditMinor: 900 }, { paymentId: 'p2', creditMinor: 5 }], [invoice('oct', '2026-10-15', 300)]))
      .toEqual([{ paymentId: 'p1', invoiceId: 'oct', appliedMinor: 300 }]);
    expect(allocateCredits([{ paymentId: 'p1', creditMinor: 900 }], [invoice('oct', '2026-10-15', 0)])).toEqual([]);
    expect(allocateCredits([], [invoice('oct', '2026-10-15', 300)])).toEqual([]);
  });
});
