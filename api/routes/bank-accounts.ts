import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { operatorActor } from '../../data/audit';
import { createBankAccount, listBankAccounts, updateBankAccount } from '../../services/statements/bank-accounts.service';
import { csvMappingSchema } from '../../services/statements/csv-mapping.schema';
import type { ApiDeps } from '../deps';
import { ErrorBody, IdParam } from '../schemas';

const NewAccount = z.object({
  name: z.string().trim().min(1).max(100),
  account: z.string().trim().min(4).max(60).regex(/^[A-Za-z0-9 /-]+$/, 'must be an IBAN or an account number such as 19-2000145399/0800'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CZK'),
  csvMapping: csvMappingSchema.optional(),
});
const AccountOut = z.object({ id: z.number(), name: z.string(), account: z.string(), currency: z.string(), csvMapping: z.any().nullable() });
const AccountChange = z.object({ name: z.string().trim().min(1).max(100).optional(), csvMapping: csvMappingSchema.nullable().optional() });

export function bankAccountRoutes(deps: ApiDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/bank-accounts', {
      config: { roles: ['admin', 'manager', 'billing_clerk', 'support'] },
      schema: { summary: 'The ISP\'s bank accounts that statements are imported for', response: { 200: z.object({ bankAccounts: z.array(AccountOut) }) } },
    }, async () => ({ bankAccounts: await listBankAccounts(deps.db) }));

    app.post('/bank-accounts', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: { summary: 'Register a bank account, with the column mapping of its CSV exports', body: NewAccount, response: { 201: AccountOut, 400: ErrorBody, 409: ErrorBody } },
    }, async (req, reply) => reply.code(201).send(await createBankAccount(deps.db, operatorActor(req.caller!.operatorId), req.body)));

    app.put('/bank-accounts/:id', {
      config: { roles: ['admin', 'manager', 'billing_clerk'] },
      schema: { summary: 'Rename a bank account or change its CSV column mapping', params: IdParam, body: AccountChange, response: { 200: AccountOut, 400: ErrorBody, 404: ErrorBody } },
    }, async (req) => updateBankAccount(deps.db, operatorActor(req.caller!.operatorId), req.params.id, req.body));
  };
}
