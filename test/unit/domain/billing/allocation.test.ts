import { OpenInvoice, allocatePayment, allocationOrder } from '../../../../domain/billing/allocation';
import { BillingRuleError } from '../../../../domain/billing/errors';

const invoices: OpenInvoice[] = [
  { id: 'inv-0003', issueDate: '2025-01-31', dueDate: '2025-02-14', outstandingMinor: 10_000 },
  { id: 'inv-0001', issueDate: '2024-12-31', dueDate: '2025-01-14', outstandingMinor: 5_000 },
  { id: 'inv-0002', issueDate: '2025-01-15', dueDate: '2025-02-14', outstandingMinor: 3_000 },
];

describe('allocationOrder', () => {
  it('orders by due date, then issue date, then id', () => {
    const tied: OpenInvoice[] = [
      { id: 'inv-9', issueDate: '2025-01-01', dueDate: '2025-01-15', outstandingMinor: 1 },
      { id: 'inv-10', issueDate: '2025-01-01', dueDate: '2025-01-15', outstandingMinor: 1 },
      { id: 'inv-1', issueDate: '2025-01-02', dueDate: '2025-01-15', outstandingMinor: 1 },
      { id: 'inv-0', issueDate: '2025-01-09', dueDate: '2025-01-14', outstandingMinor: 1 },
    ];
    expect(allocationOrder(tied).map((i) => i.id)).toEqual(['inv-0', 'inv-10', 'inv-9', 'inv-1']);
    expect(allocationOrder(invoices).map((i) => i.id)).toEqual(['inv-0001', 'inv-0002', 'inv-0003']);
  });
});

describe('allocatePayment', () => {
  it('pays the oldest invoice in full and the next one partially', () => {
    expect(allocatePayment({ paymentMinor: 7_000, openInvoices: invoices })).toEqual({
      allocations: [
        { invoiceId: 'inv-0001', appliedMinor: 5_000, outstandingBeforeMinor: 5_000, outstandingAfterMinor: 0, fullyPaid: true },
        { invoiceId: 'inv-0002', appliedMinor: 2_000, outstandingBeforeMinor: 3_000, outstandingAfterMinor: 1_000, fullyPaid: false },
      ],
      allocatedMinor: 7_000,
      leftoverCreditMinor: 0,
    });
  });

  it('turns an overpayment into credit after paying everything', () => {
    const result = allocatePayment({ paymentMinor: 25_000, openInvoices: invoices });
    expect(result.allocations.map((a) => [a.invoiceId, a.appliedMinor, a.outstandingAfterMinor])).toEqual([
      ['inv-0001', 5_000, 0],
      ['inv-0002', 3_000, 0],
      ['inv-0003', 10_000, 0],
    ]);
    expect(result.allocatedMinor).toBe(18_000);
    expect(result.leftoverCreditMinor).toBe(7_000);
  });

  it('pays exactly, skips settled invoices and keeps money without open invoices as credit', () => {
    const withSettled = [...invoices, { id: 'inv-0000', issueDate: '2024-11-30', dueDate: '2024-12-14', outstandingMinor: 0 }];
    const exact = allocatePayment({ paymentMinor: 18_000, openInvoices: withSettled });
    expect(exact.allocations.map((a) => a.invoiceId)).toEqual(['inv-0001', 'inv-0002', 'inv-0003']);
    expect(exact.leftoverCreditMinor).toBe(0);
    expect(allocatePayment({ paymentMinor: 4_200, openInvoices: [] })).toEqual({ allocations: [], allocatedMinor: 0, leftoverCreditMinor: 4_200 });
    expect(allocatePayment({ paymentMinor: 0, openInvoices: invoices })).toEqual({ allocations: [], allocatedMinor: 0, leftoverCreditMinor: 0 });
  });

  it('does not reorder the caller’s array', () => {
    allocatePayment({ paymentMinor: 1, openInvoices: invoices });
    expect(invoices.map((i) => i.id)).toEqual(['inv-0003', 'inv-0001', 'inv-0002']);
  });

  it('rejects duplicates and invalid amounts', () => {
    expect(() => allocatePayment({ paymentMinor: 100, openInvoices: [invoices[0], invoices[0]] })).toThrow(
      "invoice 'inv-0003' is listed twice",
    );
    expect(() => allocatePayment({ paymentMinor: -100, openInvoices: invoices })).toThrow(BillingRuleError);
    expect(() =>
      allocatePayment({ paymentMinor: 100, openInvoices: [{ ...invoices[0], outstandingMinor: -5 }] }),
    ).toThrow(/outstanding amount of invoice 'inv-0003'/);
  });
});
