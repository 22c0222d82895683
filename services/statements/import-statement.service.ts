import { createHash } from 'node:crypto';
import { ApiError } from '../../api/errors';
import { audit, type Actor } from '../../data/audit';
import { ensureBankAccount, findBankAccount, findBankAccountByNumber } from '../../data/bank-accounts';
import { enqueueSignal } from '../../data/outbox';
import { stageStatement, type StagedStatement } from '../../data/statement-staging';
import { accountMatchKey, statementAccountOf, type StatementFormat, type TextEncoding } from '../../domain/statements';
import type { Db } from '../../infra/prisma';
import { reconciliationStart } from './reconciliation-start';
import { parseStatementFile } from './statement-parsing';

export interface ImportRequest {
  file: Buffer;
  fileName: string;
  format?: StatementFormat;
  encoding?: TextEncoding;
  bankAccountId?: number;
}

export interface ImportedStatement extends StagedStatement {
  bankAccountId: number;
  format: StatementFormat;
  workflowId: string;
}

/**
 * Parses the whole file first (a bad file stores nothing), then stores the statement and
 * its new lines and queues its reconciliation in one transaction: either all of it
 * exists afterwards, or none of it.
 */
export async function importStatement(db: Db, actor: Actor, request: ImportRequest): Promise<ImportedStatement> {
  const named = request.bankAccountId === undefined ? null : await findBankAccount(db, request.bankAccountId);
  if (request.bankAccountId !== undefined && !named) throw new ApiError(400, 'validation', `bank account ${request.bankAccountId} does not exist`, 'accountId');
  const { format, statement, selectedAccount } = parseStatementFile({ file: request.file, format: request.format, encoding: request.encoding, account: named });
  const stated = statementAccountOf(statement.header);
  if (named && format !== 'csv' && accountMatchKey(stated) !== named.accountKey) {
    throw new ApiError(400, 'validation', `the statement is for account ${stated}, not bank account ${named.id} (${named.account})`, 'accountId');
  }
  const known = named ?? (await findBankAccountByNumber(db, stated));
  if (known && known.currency.trim() !== statement.header.currency) {
    throw new ApiError(400, 'invalid_statement', `the statement is in ${statement.header.currency} but account ${known.account} is in ${known.currency}`, 'file');
  }
  const account = known ?? (await ensureBankAccount(db, stated, statement.header.currency));
  // One file of several accounts is one statement per account, so each account's part is a file of its own.
  const hash = createHash('sha256').update(request.file);
  if (selectedAccount) hash.update(`\0account:${accountMatchKey(selectedAccount)}`);
  const fileSha256 = hash.digest('hex');

  const staged = await db.$transaction(
    async (tx) => {
      const result = await stageStatement(tx, {
        bankAccountId: account.id, format, fileName: request.fileName, fileSha256, header: statement.header, lines: statement.lines, importedBy: `${actor.type}:${actor.id}`,
      });
      if (result.bankAccountId !== account.id) {
        throw new ApiError(409, 'conflict', `this file was already imported as statement ${result.statementId} for bank account ${result.bankAccountId}, not ${account.id}`);
      }
      if (!result.sameFile) {
        await audit(tx, {
          actor, action: 'statement.imported', entityType: 'bank_statement', entityId: result.statementId,
          data: { fileName: request.fileName, format, lines: result.lines, imported: result.imported, alreadyKnown: result.alreadyKnown },
        });
      }
      await enqueueSignal(tx, reconciliationStart(result.statementId));
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ...staged, bankAccountId: account.id, format, workflowId: reconciliationStart(staged.statementId).workflowId };
}
