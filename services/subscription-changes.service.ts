import type { Caller } from '../api/auth';
import { ApiError, notFound } from '../api/errors';
import { audit, operatorActor } from '../data/audit';
import { dateColumn, toCalendarDay } from '../data/date-columns';
import { addDays, compareDates, type CalendarDate } from '../domain/billing';
import type { Db } from '../infra/prisma';
import type { Prisma } from '../prisma/generated/client';
import { changeVisibleCustomer, invalidField } from './customer-change';
import { subscribableTariff, subscriptionView, type SubscriptionView, type SubscriptionWithTariff } from './subscriptions.service';

async function subscriptionOf(tx: Prisma.TransactionClient, customerId: number, subscriptionId: number): Promise<SubscriptionWithTariff> {
  const sub = await tx.subscription.findFirst({ where: { id: subscriptionId, customerId }, include: { tariff: true } });
  if (!sub) throw notFound(`subscription ${subscriptionId}`);
  return sub;
}

/**
 * Moves a subscription to another tariff from `changeDate`: the old one ends the day
 * before and a new one starts that day with the same discounts, so each is billed
 * (and prorated) for its own days. A price override belongs to the old tariff and
 * does not carry over; a scheduled end does.
 */
export async function changeTariff(
  db: Db, caller: Caller, customerId: number, subscriptionId: number,
  input: { tariffId: number; changeDate: CalendarDate },
): Promise<{ ended: SubscriptionView; started: SubscriptionView }> {
  return changeVisibleCustomer(db, caller, customerId, async (tx, customer) => {
    const old = await subscriptionOf(tx, customerId, subscriptionId);
    const startsOn = toCalendarDay(old.startsOn);
    if (old.endsOn && compareDates(toCalendarDay(old.endsOn), input.changeDate) < 0) {
      throw new ApiError(409, 'conflict', `subscription ${subscriptionId} ended on ${toCalendarDay(old.endsOn)}, before ${input.changeDate}`, 'body.changeDate');
    }
    if (compareDates(input.changeDate, startsOn) <= 0) {
      throw invalidField('changeDate', `must be after the subscription's start (${startsOn}); to replace it from its first day, end it and subscribe anew`);
    }
    if (input.tariffId === old.tariffId) throw invalidField('tariffId', `subscription ${subscriptionId} is already on tariff ${old.tariff.name}`);
    await subscribableTariff(tx, input.tariffId, customer.currency);

    const ended = await tx.subscription.update({ where: { id: old.id }, data: { endsOn: dateColumn(addDays(input.changeDate, -1)) }, include: { tariff: true } });
    const started = await tx.subscription.create({
      data: {
        customerId,
        tariffId: input.tariffId,
        startsOn: dateColumn(input.changeDate),
        endsOn: old.endsOn,
        discountPercentBp: old.discountPercentBp,
        discountFixedMinor: old.discountFixedMinor,
        // The line keeps its dunning state: an upgrade is not a way out of a block.
        networkState: old.networkState,
      },
      include: { tariff: true },
    });
    const actor = operatorActor(caller.operatorId);
    await audit(tx, {
      actor, action: 'subscription.tariff_changed', entityType: 'subscription', entityId: old.id,
      data: { customerId, before: { ...subscriptionView(old) }, after: { ...subscriptionView(ended) }, replacedBy: started.id },
    });
    await audit(tx, {
      actor, action: 'subscription.created', entityType: 'subscription', entityId: started.id,
      data: { customerId, before: null, after: { ...subscriptionView(started) }, replaces: old.id },
    });
    return { ended: subscriptionView(ended), started: subscriptionView(started) };
  });
}

/** Sets the last day of service (inclusive). */
export async function endSubscription(db: Db, caller: Caller, customerId: number, subscriptionId: number, endsOn: CalendarDate): Promise<SubscriptionView> {
  return changeVisibleCustomer(db, caller, customerId, async (tx) => {
    const old = await subscriptionOf(tx, customerId, subscriptionId);
    if (old.endsOn) throw new ApiError(409, 'conflict', `subscription ${subscriptionId} already ends on ${toCalendarDay(old.endsOn)}`, 'body.endsOn');
    const startsOn = toCalendarDay(old.startsOn);
    if (compareDates(endsOn, startsOn) < 0) throw invalidField('endsOn', `must be on or after the subscription's start (${startsOn})`);
    const ended = await tx.subscription.update({ where: { id: old.id }, data: { endsOn: dateColumn(endsOn) }, include: { tariff: true } });
    const after = subscriptionView(ended);
    await audit(tx, {
      actor: operatorActor(caller.operatorId), action: 'subscription.ended', entityType: 'subscription', entityId: old.id,
      data: { customerId, before: { ...subscriptionView(old) }, after: { ...after } },
    });
    return after;
  });
}
