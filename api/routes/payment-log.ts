import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ROLES } from '../auth';
import type { ApiDeps } from '../deps';
import { CalendarDay, ErrorBody, IdQuery, TimeZone } from '../schemas';
import { PaymentMethod } from '../../prisma/generated/enums';
import { paymentCsv } from '../../services/payment-csv';
import { listPayments, paymentLogFilter, type PaymentLogQuery } from '../../services/payment-log.service';
import { paymentXlsx } from '../../services/payment-xlsx';
import { XLSX_CONTENT_TYPE } from '../../services/xlsx-file';

const Filters = z.object({
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  tz: TimeZone.default('Asia/Dhaka'),
  operatorId: IdQuery.optional(),
  method: z.enum(PaymentMethod).optional(),
  q: z.string().trim().max(100).optional(),
  /** The same as q, under the name the Customer Payments spec gives it. */
  search: z.string().trim().max(100).optional(),
});

const LogEntry = z.object({
  id: z.number(),
  customerId: z.number(),
  customerName: z.string(),
  username: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  method: z.string(),
  source: z.string(),
  recordedAt: z.string(),
  receivedAt: z.string(),
  collectedBy: z.string(),
  operatorId: z.number().nullable(),
  operatorName: z.string().nullable(),
  gateway: z.string().nullable(),
  statementId: z.number().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  reversedAt: z.string().nullable(),
  reversalReason: z.string().nullable(),
});

function logQuery({ search, ...q }: z.infer<typeof Filters>): PaymentLogQuery {
  return { ...q, q: q.q || search || undefined };
}

export function paymentLogRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/payments', {
      config: { roles: ALL_ROLES },
      schema: {
        summary: 'The Customer Payments log: newest first, filtered and searched, keyset-paginated by an opaque cursor',
        querystring: Filters.extend({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }).strict(),
        response: { 200: z.object({ items: z.array(LogEntry), nextCursor: z.string().nullable() }), 400: ErrorBody },
      },
    }, async (req) => {
      const { cursor, limit, ...filters } = req.query;
      const page = await listPayments(deps.db, req.caller!, logQuery(filters), cursor, limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((p) => ({
          ...p,
          recordedAt: p.recordedAt.toISOString(),
          receivedAt: p.receivedAt.toISOString(),
          reversedAt: p.reversedAt?.toISOString() ?? null,
        })),
      };
    });

    app.get('/payments/export.csv', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'reseller'] },
      schema: {
        summary: 'The filtered payment log as CSV (streamed; for reconciliation and the accountant)', querystring: Filters.strict(),
        produces: ['text/csv'], response: { 200: z.unknown().describe('CSV, one payment a row') },
      },
    }, async (req, reply) => {
      const csv = await paymentCsv(deps.db, paymentLogFilter(req.caller!, logQuery(req.query)));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="payments.csv"')
        .send(Readable.from(csv, { objectMode: false }));
    });

    app.get('/payments/export.xlsx', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'reseller'] },
      schema: {
        summary: 'The filtered payment log as an Excel workbook (streamed; date-times on the `tz` wall clock)', querystring: Filters.strict(),
        produces: [XLSX_CONTENT_TYPE], response: { 200: z.unknown().describe('Excel workbook (binary)') },
      },
    }, async (req, reply) => {
      const xlsx = await paymentXlsx(deps.db, paymentLogFilter(req.caller!, logQuery(req.query)), req.query.tz);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', 'attachment; filename="payments.xlsx"')
        .send(Readable.from(xlsx, { objectMode: false }));
    });
  };
}
