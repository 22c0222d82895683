import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { formatMinor } from '../domain/money';
import { TEXT_ENCODINGS } from '../domain/statements';
import { ConfigError, loadConfig } from '../infra/config';
import { StatementFormat } from '../prisma/generated/enums';
import { importStatement } from '../services/statements/import-statement.service';
import { followReconciliation } from '../services/statements/reconciliation-run';
import type { CommandContext } from './context';
import { progressBar } from './progress-bar';

const USAGE = `statement import <file> [--account <id>] [--format camt053|mt940|gpc|csv] [--encoding ${TEXT_ENCODINGS.join('|')}] [--json]`;
const Flags = z.object({
  account: z.coerce.number().int().positive('must be a bank account id').optional(),
  format: z.enum(StatementFormat).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
});

// npm run cli -- statement import <file> [--account <id>] [--encoding cp852] [--json]
export async function statementCommand(ctx: CommandContext, argv: string[]): Promise<void> {
  const flags = ctx.flags(argv, { account: 'string', format: 'string', encoding: 'string', json: 'boolean' });
  const [verb, file] = flags._;
  if (verb !== 'import' || !file) throw ctx.usage(USAGE);
  const options = ctx.parse(Flags, { account: flags.account, format: flags.format, encoding: flags.encoding });
  const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new ConfigError(`${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });

  const db = await ctx.db();
  const imported = await importStatement(db, { type: 'system', id: `cli:${userInfo().username}` }, {
    file: bytes, fileName: basename(file), format: options.format, encoding: options.encoding, bankAccountId: options.account,
  }).catch((err: unknown) => {
    if (err instanceof ApiError) throw new ConfigError(`${file}: ${err.issues?.[0] ? `${err.issues[0].field}: ${err.issues[0].reason}` : err.message}`);
    throw err;
  });
  if (!flags.json) {
    ctx.out(imported.sameFile
      ? `Statement ${imported.statementId} (${imported.format}) was imported before from this very file: nothing new. As reconciled:`
      : `Statement ${imported.statementId} (${imported.format}): ${imported.lines} line(s), ${imported.imported} new, ${imported.alreadyKnown} already known`);
  }

  const temporal = await ctx.temporal();
  const result = await followReconciliation(temporal, loadConfig().TEMPORAL_TASK_QUEUE, imported.statementId, (p) => progressBar('matching', p.linesDone, p.linesTotal));
  const summary = result.summary!;
  if (flags.json) {
    return ctx.out(JSON.stringify({
      statementId: imported.statementId, sameFile: imported.sameFile, lines: imported.lines, imported: imported.imported, alreadyKnown: imported.alreadyKnown,
      matched: summary.matched, matchedAmount: summary.matchedAmount, exceptions: summary.exceptions,
    }));
  }
  const currency = (await db.bankAccount.findUniqueOrThrow({ where: { id: imported.bankAccountId } })).currency.trim();
  ctx.out(`  matched ${summary.matched} line(s), ${formatMinor(summary.matchedAmount, currency)}`);
  for (const [reason, count] of Object.entries(summary.exceptions)) ctx.out(`  exception ${reason.padEnd(18)} ${count}`);
  if (Object.keys(summary.exceptions).length > 0) ctx.out(`  see GET /v1/statements/${imported.statementId}/exceptions`);
}
