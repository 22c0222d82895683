import type { BillableCustomer, BillingMonth } from '../domain/billing';
import type { Db } from '../infra/prisma';
import type { ChargeKind } from '../prisma/generated/enums';

export interface BillableRow extends BillableCustomer {
  customerId: number;
  currency: string;
  alreadyInvoiced: boolean;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * One keyset page of customers that have something to bill (a subscription or a pending
 * one-off charge), with everything composing their invoice needs, in a few queries.
 */
export async function loadBillablePage(db: Db, month: BillingMonth, afterCustomerId: number, limit: number): Promise<BillableRow[]> {
  const customers = await db.customer.findMany({
    where: { id: { gt: afterCustomerId }, OR: [{ subscriptions: { some: {} } }, { charges: { some: { invoiceLine: null } } }] },
    orderBy: { id: 'asc' },
    take: limit,
    include: {
      subscriptions: { include: { tariff: true }, orderBy: { id: 'asc' } },
      charges: { where: { invoiceLine: null }, orderBy: { id: 'asc' } },
      invoices: { where: { period: month }, select: { id: true } },
    },
  });
  return customers.map((c) => ({
    customerId: c.id,
    currency: c.currency,
    alreadyInvoiced: c.invoices.length > 0,
    billingDay: c.billingDay,
    paymentTermsDays: c.paymentTermsDays,
    taxExempt: c.taxExempt,
    subscriptions: c.subscriptions.map((s) => ({
      id: s.id,
      tariffName: s.tariff.name,
      tariffPriceMinor: Number(s.tariff.priceMinor),
      cycle: s.tariff.billingCycle,
      taxRateBasisPoints: s.tariff.taxRateBp,
      pricesIncludeTax: s.tariff.pricesIncludeTax,
      priceOverrideMinor: s.priceOverrideMinor === null ? null : Number(s.priceOverrideMinor),
      discountBasisPoints: s.discountPercentBp,
      fixedDiscountMinor: Number(s.discountFixedMinor),
      startsOn: day(s.startsOn)!,
      endsOn: day(s.endsOn),
    })),
    charges: c.charges.map((ch) => ({ id: ch.id, kind: ch.kind as Exclude<ChargeKind, never>, description: ch.description, amountMinor: Number(ch.amountMinor), taxRateBasisPoints: ch.taxRateBp })),
  }));
}
