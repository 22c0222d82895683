import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES, STAFF_WRITE } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, Id, IdParam } from '../schemas';
import { changeTariff, endSubscription } from '../../services/subscription-changes.service';
import { createSubscription, listSubscriptions } from '../../services/subscriptions.service';
import { BasisPoints, CalendarDay, CustomerSubscriptionParams, NonNegativeMinor } from './billing-fields';

const WRITE_ROLES = [...STAFF_WRITE, 'reseller'] as const;

const NewSubscription = z.object({
  tariffId: Id,
  startsOn: CalendarDay,
  priceOverrideMinor: NonNegativeMinor.optional(),
  discountPercentBp: BasisPoints.optional(),
  discountFixedMinor: NonNegativeMinor.optional(),
});

const SubscriptionOut = z.object({
  id: z.number(),
  customerId: z.number(),
  tariffId: z.number(),
  tariffName: z.string(),
  serviceKind: z.string(),
  billingCycle: z.string(),
  priceOverrideMinor: z.number().nullable(),
  discountPercentBp: z.number(),
  discountFixedMinor: z.number(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  networkState: z.string(),
  createdAt: z.string(),
});

const Errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function subscriptionRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/customers/:id/subscriptions', {
      config: { roles: ALL_ROLES },
      schema: { summary: "A customer's subscriptions, past and present, by start date", params: IdParam, response: { 200: z.object({ items: z.array(SubscriptionOut) }), 404: ErrorBody } },
    }, async (req) => ({ items: await listSubscriptions(deps.db, req.caller!, req.params.id) }));

    app.post('/customers/:id/subscriptions', {
      config: { roles: WRITE_ROLES },
      schema: { summary: 'Subscribe a customer to an active tariff in their currency', params: IdParam, body: NewSubscription, response: { 201: SubscriptionOut, ...Errors } },
    }, async (req, reply) => reply.code(201).send(await createSubscription(deps.db, req.caller!, req.params.id, req.body)));

    app.post('/customers/:id/subscriptions/:subId/change-tariff', {
      config: { roles: WRITE_ROLES },
      schema: {
        summary: 'Move a subscription to another tariff: the old one ends the day before changeDate, a new one (same discounts) starts on it',
        params: CustomerSubscriptionParams,
        body: z.object({ tariffId: Id, changeDate: CalendarDay }),
        response: { 201: z.object({ ended: SubscriptionOut, started: SubscriptionOut }), ...Errors },
      },
    }, async (req, reply) => reply.code(201).send(await changeTariff(deps.db, req.caller!, req.params.id, req.params.subId, req.body)));

    app.post('/customers/:id/subscriptions/:subId/end', {
      config: { roles: WRITE_ROLES },
      schema: {
        summary: 'End a subscription; endsOn is its last day of service',
        params: CustomerSubscriptionParams,
        body: z.object({ endsOn: CalendarDay }),
        response: { 200: SubscriptionOut, ...Errors },
      },
    }, async (req) => endSubscription(deps.db, req.caller!, req.params.id, req.params.subId, req.body.endsOn));
  };
}
