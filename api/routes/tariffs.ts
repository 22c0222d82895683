import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES, STAFF_WRITE } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';
import { operatorActor } from '../../data/audit';
import { BillingCycle, ServiceKind } from '../../prisma/generated/enums';
import { createTariff, getTariff, listTariffs, updateTariff } from '../../services/tariffs.service';
import { atLeastOneField, BooleanQuery, BasisPoints, CurrencyCode, NonNegativeMinor } from './billing-fields';

const Profile = z.string().trim().min(1, 'is required (a RADIUS rate profile such as 20M/20M)').max(100);

const TariffFields = z.object({
  name: z.string().trim().min(1).max(100),
  serviceKind: z.enum(ServiceKind),
  priceMinor: NonNegativeMinor,
  currency: CurrencyCode,
  billingCycle: z.enum(BillingCycle),
  taxRateBp: BasisPoints,
  pricesIncludeTax: z.boolean(),
  speedProfile: Profile,
  throttledProfile: Profile,
  active: z.boolean(),
});

const NewTariff = TariffFields.extend({
  currency: CurrencyCode.default('BDT'),
  billingCycle: z.enum(BillingCycle).default('monthly'),
  taxRateBp: BasisPoints.default(0),
  pricesIncludeTax: z.boolean().default(true),
  active: z.boolean().default(true),
});

const TariffOut = z.object({
  id: z.number(),
  name: z.string(),
  serviceKind: z.enum(ServiceKind),
  priceMinor: z.number(),
  currency: z.string(),
  billingCycle: z.enum(BillingCycle),
  taxRateBp: z.number(),
  pricesIncludeTax: z.boolean(),
  speedProfile: z.string(),
  throttledProfile: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export function tariffRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/tariffs', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: 'Tariffs (price lists), by id',
        querystring: z.object({ active: BooleanQuery.optional() }).strict(),
        response: { 200: z.object({ items: z.array(TariffOut) }) },
      },
    }, async (req) => ({ items: await listTariffs(deps.db, { active: req.query.active }) }));

    app.get('/tariffs/:id', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'One tariff', params: IdParam, response: { 200: TariffOut, 404: ErrorBody } },
    }, async (req) => getTariff(deps.db, req.params.id));

    app.post('/tariffs', {
      config: { roles: STAFF_WRITE },
      schema: { summary: 'Create a tariff; prices are integer minor units', body: NewTariff, response: { 201: TariffOut, 400: ErrorBody, 409: ErrorBody } },
    }, async (req, reply) => reply.code(201).send(await createTariff(deps.db, operatorActor(req.caller!.operatorId), req.body)));

    app.patch('/tariffs/:id', {
      config: { roles: STAFF_WRITE },
      schema: {
        summary: 'Change a tariff (price, profiles, active, …); the next invoices use the new values',
        params: IdParam,
        body: atLeastOneField(TariffFields.partial()),
        response: { 200: TariffOut, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => updateTariff(deps.db, operatorActor(req.caller!.operatorId), req.params.id, req.body));
  };
}
