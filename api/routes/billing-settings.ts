import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_WRITE } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';
import { updateBillingSettings } from '../../services/billing-settings.service';
import { atLeastOneField } from './billing-fields';

const Settings = z.object({
  billingDay: z.number().int().min(1, 'must be a day of the month 1–31').max(31, 'must be a day of the month 1–31'),
  paymentTermsDays: z.number().int().min(0, 'must be 0–120 days').max(120, 'must be 0–120 days').nullable(),
  taxExempt: z.boolean(),
});

export function billingSettingsRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.patch('/customers/:id/billing-settings', {
      config: { roles: [...STAFF_WRITE, 'reseller'] },
      schema: {
        summary: "Change a customer's billing day (29–31 mean the month's last day in short months), payment terms (null = default) or tax exemption",
        params: IdParam,
        body: atLeastOneField(Settings.partial()),
        response: { 200: Settings.extend({ customerId: z.number() }), 400: ErrorBody, 404: ErrorBody },
      },
    }, async (req) => updateBillingSettings(deps.db, req.caller!, req.params.id, req.body));
  };
}
