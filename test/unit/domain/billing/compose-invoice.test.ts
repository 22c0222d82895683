import { composeInvoice, type BillableCustomer, type BillableSubscription } from '../../../../domain/billing';

const internet: BillableSubscription = {
  id: 1, tariffName: 'Home 20', tariffPriceMinor: 105_000, cycle: 'monthly', taxRateBasisPoints: 500, pricesIncludeTax: true,
  priceOverrideMinor: null, discountBasisPoints: 0, fixedDiscountMinor: 0, startsOn: '2026-01-01', endsOn: null,
};
const customer = (over: Partial<BillableCustomer> = {}): BillableCustomer => ({ billingDay: 1, paymentTermsDays: null, taxExempt: false, subscriptions: [internet], charges: [], ...over });

describe('composeInvoice', () => {
  it('bills a monthly subscription on the anchor day with VAT inside the price', () => {
    const inv = composeInvoice(customer(), '2026-12', '2026-12-01', 14)!;
    expect(inv.lines).toHaveLength(1);
    expect(inv.lines[0]).toMatchObject({ subscriptionId: 1, periodStart: '2026-12-01', periodEnd: '2026-12-31', totalMinor: 105_000, taxMinor: 5_000, netMinor: 100_000 });
    expect(inv).toMatchObject({ totalMinor: 105_000, taxMinor: 5_000, netMinor: 100_000, dueDate: '2026-12-15' });
  });

  it('puts all services and pending one-off charges on one invoice whose total is the sum of its lines', () => {
    const iptv: BillableSubscription = { ...internet, id: 2, tariffName: 'IPTV', tariffPriceMinor: 30_001, taxRateBasisPoints: 1500, pricesIncludeTax: false };
    const inv = composeInvoice(customer({ subscriptions: [internet, iptv], charges: [{ id: 9, kind: 'installation', description: 'Installation', amountMinor: 150_000, taxRateBasisPoints: 0 }], paymentTermsDays: 7 }), '2026-12', '2026-12-01', 14)!;
    expect(inv.lines.map((l) => [l.subscriptionId, l.chargeId, l.totalMinor])).toEqual([[1, null, 105_000], [2, null, 34_501], [null, 9, 150_000]]);
    expect(inv.lines[1]!.taxMinor).toBe(4_500); // 30001 × 15% = 4500.15 → 4500
    expect(inv.totalMinor).toBe(inv.lines.reduce((s, l) => s + l.totalMinor, 0));
    expect(inv.dueDate).toBe('2026-12-08');
  });

  it('prorates a subscription that starts mid-period by days', () => {
    const inv = composeInvoice(customer({ subscriptions: [{ ...internet, startsOn: '2026-12-11' }] }), '2026-12', '2026-12-11', 14)!;
    expect(inv.lines[0]).toMatchObject({ daysUsed: 21, daysInPeriod: 31, totalMinor: 71_129 }); // 105000 × 21/31 = 71129.03
  });

  it('bills nothing in a month where no period starts (quarterly) and returns null', () => {
    const quarterly = { ...internet, cycle: 'quarterly' as const, startsOn: '2026-01-01' };
    expect(composeInvoice(customer({ subscriptions: [quarterly] }), '2026-11', '2026-11-01', 14)).toBeNull();
    expect(composeInvoice(customer({ subscriptions: [quarterly] }), '2026-10', '2026-10-01', 14)!.lines[0]!.periodEnd).toBe('2026-12-31');
  });

  it('charges tax-exempt customers the gross price with no tax inside', () => {
    const inv = composeInvoice(customer({ taxExempt: true }), '2026-12', '2026-12-01', 14)!;
    expect(inv).toMatchObject({ totalMinor: 105_000, taxMinor: 0 });
  });
});
