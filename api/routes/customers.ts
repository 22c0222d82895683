import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { AfterId, Id, IdParam, Tag, TimeZone } from '../schemas';
import { createCustomer, getVisibleCustomer, setCustomerTags } from '../../services/customers.service';
import { listCustomers } from '../../services/customer-list';
import type { Customer } from '../../prisma/generated/client';

const CustomerInput = z.object({
  username: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  email: z.string().email().optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number such as +8801712345678').optional(),
  paymentReference: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, 'must be 1-20 letters or digits (the variable symbol)'),
  resellerId: Id.optional(),
  timezone: TimeZone.default('Asia/Dhaka'),
  language: z.enum(['en', 'bn', 'cs']).default('en'),
  tags: z.array(Tag).max(20).default([]),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').default('BDT'),
  billingDay: z.number().int().min(1).max(31).default(1),
  paymentTermsDays: z.number().int().min(0).max(120).optional(),
  taxExempt: z.boolean().default(false),
});

const CustomerOut = CustomerInput.extend({
  id: z.number(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  resellerId: z.number().nullable(),
  paymentTermsDays: z.number().nullable(),
  createdAt: z.string(),
});

export function toCustomerOut(c: Customer): z.infer<typeof CustomerOut> {
  return { ...c, language: c.language as 'en', createdAt: c.createdAt.toISOString() };
}

export function customerRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/customers', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'reseller'] },
      schema: { summary: 'Create a customer', body: CustomerInput, response: { 201: CustomerOut } },
    }, async (req, reply) => reply.code(201).send(toCustomerOut(await createCustomer(deps.db, req.caller!, req.body))));

    app.get('/customers/:id', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'One customer', params: IdParam, response: { 200: CustomerOut } },
    }, async (req) => toCustomerOut(await getVisibleCustomer(deps.db, req.caller!, req.params.id)));

    app.get('/customers', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: 'Customers, by id, keyset-paginated; q searches name, username, phone, email and payment reference',
        querystring: z.object({
          after: AfterId,
          limit: z.coerce.number().int().min(1).max(500).default(50),
          q: z.string().trim().max(100).optional(),
        }).strict(),
        response: { 200: z.object({ items: z.array(CustomerOut), next: z.number().nullable() }) },
      },
    }, async (req) => {
      const page = await listCustomers(deps.db, req.caller!, req.query);
      return { items: page.items.map(toCustomerOut), next: page.next };
    });

    app.put('/customers/:id/tags', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'reseller'] },
      schema: { summary: "Replace a customer's tags (vip, enforcement-off, …)", params: IdParam, body: z.object({ tags: z.array(Tag).max(20) }), response: { 200: CustomerOut } },
    }, async (req) => toCustomerOut(await setCustomerTags(deps.db, req.caller!, req.params.id, req.body.tags)));
  };
}
