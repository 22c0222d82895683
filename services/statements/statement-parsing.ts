import { ApiError } from '../../api/errors';
import {
  detectFormat, parseCamt053, parseCsvStatement, parseGpc, parseMt940, SeveralAccountsError, StatementFormatError,
  type ParsedStatement, type StatementFormat, type TextEncoding,
} from '../../domain/statements';
import type { BankAccount } from '../../prisma/generated/client';
import { csvMappingSchema } from './csv-mapping.schema';

export interface ParseRequest {
  file: Buffer;
  format?: StatementFormat;
  /** Declared by the uploader; otherwise detected (text-encoding.ts). */
  encoding?: TextEncoding;
  /** Known when the caller named it; required for CSV, whose files do not state the account. */
  account?: BankAccount | null;
}

const invalidFile = (reason: string, lineNo?: number) =>
  new ApiError(400, 'invalid_statement', reason, 'file', [{ field: lineNo !== undefined ? `file.line.${lineNo}` : 'file', reason }]);

export interface ParsedFile {
  format: StatementFormat;
  statement: ParsedStatement;
  /** Set when the file holds statements of several accounts and this one was read. */
  selectedAccount?: string;
}

/** Reads the whole file or rejects it with the line/element and reason; never returns part of a file. */
export function parseStatementFile(request: ParseRequest): ParsedFile {
  const format = request.format ?? detectFormat(request.file);
  if (!format) throw invalidFile('not a camt.053, MT940, GPC or CSV statement');
  const currency = request.account?.currency.trim();
  try {
    return { format, statement: parseAs(format, request, currency) };
  } catch (error) {
    // A file of several accounts imports the one the uploader named.
    if (error instanceof SeveralAccountsError && request.account && format !== 'csv') {
      return { format, statement: parseNamed(format, request, currency, request.account.account), selectedAccount: request.account.account };
    }
    if (error instanceof StatementFormatError) throw invalidFile(error.message, error.lineNo);
    throw error;
  }
}

function parseNamed(format: StatementFormat, request: ParseRequest, currency: string | undefined, account: string): ParsedStatement {
  try {
    return parseAs(format, request, currency, account);
  } catch (error) {
    if (error instanceof StatementFormatError) throw invalidFile(error.message, error.lineNo);
    throw error;
  }
}

function parseAs(format: StatementFormat, { file, account, encoding }: ParseRequest, currency: string | undefined, only?: string): ParsedStatement {
  switch (format) {
    case 'camt053':
      return parseCamt053(file, { currency, account: only });
    case 'mt940':
      return parseMt940(file, { currency, encoding, account: only });
    case 'gpc':
      return parseGpc(file, { currency, encoding, account: only });
    case 'csv': {
      if (!account) throw new ApiError(400, 'validation', 'a CSV statement needs the bank account it belongs to', 'accountId');
      const mapping = csvMappingSchema.safeParse(account.csvMapping);
      if (!mapping.success) throw new ApiError(400, 'validation', `bank account ${account.id} has no CSV column mapping; set one with PUT /v1/bank-accounts/${account.id}`, 'accountId');
      return parseCsvStatement(file, { mapping: mapping.data, account: account.account, currency, encoding });
    }
  }
}
