import type { Caller } from '../api/auth';
import { audit, operatorActor } from '../data/audit';
import { dateColumn, toCalendarDay, toNullableCalendarDay } from '../data/date-columns';
import type { CalendarDate } from '../domain/billing';
import type { Db } from '../infra/prisma';
import type { Prisma, Subscription, Tariff } from '../prisma/generated/client';
import { changeVisibleCustomer, invalidField } from './customer-change';
import { getVisibleCustomer } from './customers.service';

export interface NewSubscription {
  tariffId: number;
  startsOn: CalendarDate;
  priceOverrideMinor?: number;
  discountPercentBp?: number;
  discountFixedMinor?: number;
}

export interface SubscriptionView {
  id: number;
  customerId: number;
  tariffId: number;
  tariffName: string;
  serviceKind: string;
  billingCycle: string;
  priceOverrideMinor: number | null;
  discountPercentBp: number;
  discountFixedMinor: number;
  startsOn: CalendarDate;
  /** Last day of service, inclusive; null while it runs on. */
  endsOn: CalendarDate | null;
  networkState: string;
  createdAt: string;
}

export type SubscriptionWithTariff = Subscription & { tariff: Tariff };

export function subscriptionView(s: SubscriptionWithTariff): SubscriptionView {
  return {
    id: s.id,
    customerId: s.customerId,
    tariffId: s.tariffId,
    tariffName: s.tariff.name,
    serviceKind: s.tariff.serviceKind,
    billingCycle: s.tariff.billingCycle,
    priceOverrideMinor: s.priceOverrideMinor === null ? null : Number(s.priceOverrideMinor),
    discountPercentBp: s.discountPercentBp,
    discountFixedMinor: Number(s.discountFixedMinor),
    startsOn: toCalendarDay(s.startsOn),
    endsOn: toNullableCalendarDay(s.endsOn),
    networkState: s.networkState,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The tariff a customer may be put on now: it exists, is active and is priced in the customer's currency. */
export async function subscribableTariff(tx: Prisma.TransactionClient, tariffId: number, currency: string): Promise<Tariff> {
  const tariff = await tx.tariff.findUnique({ where: { id: tariffId } });
  if (!tariff) throw invalidField('tariffId', `tariff ${tariffId} does not exist`);
  if (!tariff.active) throw invalidField('tariffId', `tariff ${tariffId} (${tariff.name}) is not active`);
  if (tariff.currency !== currency) throw invalidField('tariffId', `tariff ${tariff.name} is priced in ${tariff.currency}, the customer pays in ${currency}`);
  return tariff;
}

export async function listSubscriptions(db: Db, caller: Caller, customerId: number): Promise<SubscriptionView[]> {
  await getVisibleCustomer(db, caller, customerId);
  const rows = await db.subscription.findMany({ where: { customerId }, include: { tariff: true }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] });
  return rows.map(subscriptionView);
}

export async function createSubscription(db: Db, caller: Caller, customerId: number, input: NewSubscription): Promise<SubscriptionView> {
  return changeVisibleCustomer(db, caller, customerId, async (tx, customer) => {
    await subscribableTariff(tx, input.tariffId, customer.currency);
    const created = await tx.subscription.create({
      data: {
        customerId,
        tariffId: input.tariffId,
        startsOn: dateColumn(input.startsOn),
        priceOverrideMinor: input.priceOverrideMinor === undefined ? null : BigInt(input.priceOverrideMinor),
        discountPercentBp: input.discountPercentBp ?? 0,
        discountFixedMinor: BigInt(input.discountFixedMinor ?? 0),
      },
      include: { tariff: true },
    });
    const after = subscriptionView(created);
    await audit(tx, { actor: operatorActor(caller.operatorId), action: 'subscription.created', entityType: 'subscription', entityId: created.id, data: { customerId, before: null, after: { ...after } } });
    return after;
  });
}
