import { accountMatchKey } from '../domain/statements';
import type { Db } from '../infra/prisma';
import type { BankAccount } from '../prisma/generated/client';

type Queryable = Pick<Db, 'bankAccount'>;

export function findBankAccount(db: Queryable, id: number): Promise<BankAccount | null> {
  return db.bankAccount.findUnique({ where: { id } });
}

export function findBankAccountByNumber(db: Queryable, account: string): Promise<BankAccount | null> {
  return db.bankAccount.findUnique({ where: { accountKey: accountMatchKey(account) } });
}

/** The account a self-describing statement names, registered on first sight (idempotent under concurrency). */
export async function ensureBankAccount(db: Queryable, account: string, currency: string): Promise<BankAccount> {
  const accountKey = accountMatchKey(account);
  return db.bankAccount.upsert({ where: { accountKey }, update: {}, create: { accountKey, account, name: account, currency } });
}
