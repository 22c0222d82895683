import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { AfterId, CalendarDay, ErrorBody, IdQuery, TimeZone } from '../schemas';
import { receivablesReport } from '../../services/receivables-report.service';
import { summaryReport } from '../../services/summary-report.service';

const REPORT_ROLES = ['admin', 'manager', 'billing_clerk', 'reseller'] as const;

const ReportQuery = z.object({
  asOf: CalendarDay.optional(),
  tz: TimeZone.default('Asia/Dhaka'),
  resellerId: IdQuery.optional(),
});

const Aging = {
  currency: z.string(),
  billedMinor: z.number(),
  paidMinor: z.number(),
  creditMinor: z.number(),
  outstandingMinor: z.number(),
  currentMinor: z.number(),
  days1To30Minor: z.number(),
  days31To60Minor: z.number(),
  days61To90Minor: z.number(),
  over90Minor: z.number(),
};

const ReceivablesOut = z.object({
  asOf: z.string(),
  timeZone: z.string(),
  items: z.array(z.object({ customerId: z.number(), name: z.string(), username: z.string(), ...Aging })),
  totals: z.array(z.object({ customers: z.number(), ...Aging })),
  next: z.number().nullable(),
});

const Amount = { currency: z.string(), amountMinor: z.number(), count: z.number() };
const PeriodOut = z.object({
  from: z.string(),
  to: z.string(),
  invoiced: z.array(z.object(Amount)),
  collected: z.array(z.object(Amount)),
  collectedByMethod: z.array(z.object({ method: z.string(), ...Amount })),
  collectedBy: z.array(z.object({ collectedBy: z.string(), operatorId: z.number().nullable(), ...Amount })),
});
const SummaryOut = z.object({ asOf: z.string(), timeZone: z.string(), month: PeriodOut, year: PeriodOut });

export function reportRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/reports/receivables', {
      config: { roles: REPORT_ROLES },
      schema: {
        summary: 'Outstanding per customer (bills − payments − credit) aged by due date as of a day; totals per currency; keyset-paginated by customer id',
        querystring: ReportQuery.extend({
          after: AfterId,
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }).strict(),
        response: { 200: ReceivablesOut, 400: ErrorBody },
      },
    }, async (req) => receivablesReport(deps.db, req.caller!, req.query));

    app.get('/reports/summary', {
      config: { roles: REPORT_ROLES },
      schema: {
        summary: 'Invoiced and collected month to date and year to date, collected split by method and by operator or gateway; reversed payments left out',
        querystring: ReportQuery.strict(),
        response: { 200: SummaryOut, 400: ErrorBody },
      },
    }, async (req) => summaryReport(deps.db, req.caller!, req.query));
  };
}
