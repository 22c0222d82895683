import { ApiError, notFound } from '../../api/errors';
import { audit, type Actor } from '../../data/audit';
import { accountMatchKey, type CsvColumnMapping } from '../../domain/statements';
import type { Db } from '../../infra/prisma';
import type { BankAccount } from '../../prisma/generated/client';

export interface BankAccountInput {
  name: string;
  account: string;
  currency: string;
  csvMapping?: CsvColumnMapping;
}

export interface BankAccountOut {
  id: number;
  name: string;
  account: string;
  currency: string;
  csvMapping: CsvColumnMapping | null;
}

const out = (a: BankAccount): BankAccountOut => ({ id: a.id, name: a.name, account: a.account, currency: a.currency.trim(), csvMapping: (a.csvMapping as CsvColumnMapping | null) ?? null });

export async function listBankAccounts(db: Db): Promise<BankAccountOut[]> {
  return (await db.bankAccount.findMany({ orderBy: { id: 'asc' } })).map(out);
}

export async function createBankAccount(db: Db, actor: Actor, input: BankAccountInput): Promise<BankAccountOut> {
  const accountKey = accountMatchKey(input.account);
  return db.$transaction(async (tx) => {
    const [created] = await tx.bankAccount.createManyAndReturn({
      data: [{ name: input.name, account: input.account, accountKey, currency: input.currency, csvMapping: input.csvMapping as object | undefined }],
      skipDuplicates: true,
    });
    if (!created) throw new ApiError(409, 'conflict', `account ${input.account} is already registered`, 'body.account');
    await audit(tx, { actor, action: 'bank_account.created', entityType: 'bank_account', entityId: created.id, data: { name: input.name, account: input.account, currency: input.currency } });
    return out(created);
  });
}

/** Name and CSV mapping only: the account number and currency are what past statements were checked against. */
export async function updateBankAccount(db: Db, actor: Actor, id: number, input: { name?: string; csvMapping?: CsvColumnMapping | null }): Promise<BankAccountOut> {
  return db.$transaction(async (tx) => {
    const existing = await tx.bankAccount.findUnique({ where: { id } });
    if (!existing) throw notFound(`bank account ${id}`);
    const updated = await tx.bankAccount.update({
      where: { id },
      data: { name: input.name, csvMapping: input.csvMapping === null ? { set: null } as never : (input.csvMapping as object | undefined) },
    });
    await audit(tx, { actor, action: 'bank_account.updated', entityType: 'bank_account', entityId: id, data: JSON.parse(JSON.stringify(input)) });
    return out(updated);
  });
}
