import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { operatorActor } from '../../data/audit';
import { StatementFormat } from '../../prisma/generated/enums';
import { importStatement } from '../../services/statements/import-statement.service';
import { listExceptions, listStatements, statementDetail } from '../../services/statements/statement-queries.service';
import { resolveException } from '../../services/statements/resolve-exception.service';
import { dismissExceptions } from '../../services/statements/dismiss-exceptions.service';
import { EXCEPTION_REASONS } from '../../domain/statements';
import type { ApiDeps } from '../deps';
import { notFound } from '../errors';
import { ErrorBody, Id, IdParam, IdQuery } from '../schemas';
import { readStatementUpload } from './statement-upload';

const CLERKS = ['admin', 'manager', 'billing_clerk'] as const;
const READERS = [...CLERKS, 'support'] as const;

const ImportedOut = z.object({
  statementId: z.number(), bankAccountId: z.number(), format: z.enum(StatementFormat), workflowId: z.string(),
  sameFile: z.boolean(), lines: z.number(), imported: z.number(), alreadyKnown: z.number(),
});
const StatementOut = z.object({
  id: z.number(), bankAccountId: z.number(), account: z.string(), format: z.string(), fileName: z.string(), status: z.string(),
  lines: z.number(), imported: z.number(), alreadyKnown: z.number(), importedAt: z.string(), importedBy: z.string(),
});
const Money = z.number().describe('minor units');
const StatementDetailOut = StatementOut.extend({
  summary: z.object({
    statementId: z.number(), status: z.string(), lines: z.number(), imported: z.number(), alreadyKnown: z.number(), matched: z.number(),
    matchedAmount: Money, pending: z.number(), exceptions: z.record(z.string(), z.number()), exceptionAmount: Money,
    resolved: z.object({ assigned: z.number(), ignored: z.number(), refund_pending: z.number() }),
    money: z.object({ incoming: Money, allocated: Money, credit: Money, notBooked: Money }),
  }),
});
const Resolution = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), customerId: Id, invoiceId: Id.optional(), note: z.string().trim().max(500).optional() }),
  z.object({ action: z.enum(['ignore', 'refund_pending']), note: z.string().trim().min(1, 'say why').max(500) }),
]);

const Dismissal = z.object({
  action: z.enum(['ignore', 'refund_pending']),
  note: z.string().trim().min(1, 'say why').max(500),
  lineIds: z.array(Id).min(1).max(10_000).optional(),
  reason: z.enum(EXCEPTION_REASONS).optional(),
}).refine((d) => (d.lineIds === undefined) !== (d.reason === undefined), { message: 'give either lineIds or reason', path: ['lineIds'] });

const MAX_STATEMENT_BYTES = 256 * 1024 * 1024;
// Uploading 256 MiB and staging it, or dismissing thousands of lines, each take a 120 s
// transaction; these two routes may run longer than the API's request timeout.
const LONG_REQUEST_MS = 10 * 60_000;

export function bankStatementRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // A camt.053 entry takes about 1 KB: a 100,000-line month is 100 MB or more.
    await app.register(multipart, { limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 10 } });

    app.post('/statements', {
      config: { roles: CLERKS },
      handlerTimeout: LONG_REQUEST_MS,
      schema: {
        summary: 'Import a bank statement (multipart: file, optional accountId and format); matching runs in the background',
        consumes: ['multipart/form-data'],
        response: { 202: ImportedOut, 400: ErrorBody },
      },
    }, async (req, reply) => {
      const upload = await readStatementUpload(req);
      const imported = await importStatement(deps.db, operatorActor(req.caller!.operatorId), upload);
      return reply.code(202).send(imported);
    });

    app.get('/statements', {
      config: { roles: READERS },
      schema: {
        summary: 'Imported statements, newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: IdQuery.optional() }).strict(),
        response: { 200: z.object({ statements: z.array(StatementOut) }) },
      },
    }, async (req) => ({ statements: await listStatements(deps.db, req.query.limit, req.query.before) }));

    app.get('/statements/:id', {
      config: { roles: READERS },
      schema: { summary: 'One statement with its reconciliation summary', params: IdParam, response: { 200: StatementDetailOut } },
    }, async (req) => (await statementDetail(deps.db, req.params.id)) ?? Promise.reject(notFound(`statement ${req.params.id}`)));

    app.get('/statements/:id/exceptions', {
      config: { roles: READERS },
      schema: {
        summary: 'Lines a clerk must handle: unknown reference, ambiguous, duplicate, outgoing; ?all=true includes resolved ones',
        params: IdParam,
        querystring: z.object({ all: z.enum(['true', 'false']).default('false') }).strict(),
      },
    }, async (req) => {
      if (!(await deps.db.bankStatement.count({ where: { id: req.params.id } }))) throw notFound(`statement ${req.params.id}`);
      return { exceptions: await listExceptions(deps.db, req.params.id, req.query.all === 'true') };
    });

    app.post('/statements/:id/exceptions/:lineId/resolve', {
      config: { roles: CLERKS },
      schema: {
        summary: 'Resolve an exception: assign it to a customer (optionally an invoice), ignore it, or mark it refund-pending',
        params: IdParam.extend({ lineId: IdQuery }),
        body: Resolution,
        response: { 200: z.object({ lineId: z.number(), state: z.string(), paymentId: z.number().nullable() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => resolveException(deps.db, req.caller!.operatorId, req.params.id, req.params.lineId, req.body));

    app.post('/statements/:id/exceptions/resolve', {
      config: { roles: CLERKS },
      handlerTimeout: LONG_REQUEST_MS,
      schema: {
        summary: 'Ignore many exceptions, or mark them refund-pending, in one go: by lineIds, or every open one with a reason (e.g. all outgoing bank fees)',
        params: IdParam,
        body: Dismissal,
        response: { 200: z.object({ resolved: z.number(), lineIds: z.array(z.number()) }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    }, async (req) => {
      const { action, note, lineIds, reason } = req.body;
      return dismissExceptions(deps.db, req.caller!.operatorId, req.params.id, lineIds ? { action, note, lineIds } : { action, note, reason: reason! });
    });
  };
}
