import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam, IdQuery } from '../schemas';
import { InvoiceStatus } from '../../prisma/generated/enums';
import { getInvoice, listInvoices } from '../../services/invoices.service';
import { BillingMonth, PageQuery } from './billing-fields';

const InvoiceSummaryOut = z.object({
  id: z.number(),
  number: z.string(),
  customerId: z.number(),
  billingRunId: z.number().nullable(),
  period: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  netMinor: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  status: z.enum(InvoiceStatus),
  paidMinor: z.number(),
  outstandingMinor: z.number(),
  createdAt: z.string(),
});

const InvoiceLineOut = z.object({
  position: z.number(),
  description: z.string(),
  servicePeriodStart: z.string().nullable(),
  servicePeriodEnd: z.string().nullable(),
  netMinor: z.number(),
  taxRateBp: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  subscriptionId: z.number().nullable(),
  chargeId: z.number().nullable(),
});

const InvoiceOut = InvoiceSummaryOut.extend({ customerName: z.string(), paymentReference: z.string(), lines: z.array(InvoiceLineOut) });

export function invoiceRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/invoices', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: 'Invoices by id, filtered by customer, status and billing month, keyset-paginated; paid amounts come from allocations',
        querystring: PageQuery.extend({
          customerId: IdQuery.optional(),
          status: z.enum(InvoiceStatus).optional(),
          period: BillingMonth.optional(),
        }).strict(),
        response: { 200: z.object({ items: z.array(InvoiceSummaryOut), next: z.number().nullable() }), 400: ErrorBody },
      },
    }, async (req) => {
      const { after, limit, ...filter } = req.query;
      return listInvoices(deps.db, req.caller!, filter, { after, limit });
    });

    app.get('/invoices/:id', {
      config: { roles: ALL_ROLES },
      schema: { summary: 'One invoice with its lines, paid and outstanding amounts and the payment reference to quote', params: IdParam, response: { 200: InvoiceOut, 404: ErrorBody } },
    }, async (req) => getInvoice(deps.db, req.caller!, req.params.id));
  };
}
