// Public API of bank statement import: parse a statement file into normalized lines,
// then match the lines to customers and invoices. Everything here is pure.
export type { ParsedStatement, StatementAccount, StatementFormat, StatementHeader, StatementLine } from './statement-line';
export { statementAccountOf } from './statement-line';
export { SeveralAccountsError, StatementFormatError } from './statement-format-error';
export type { StatementRules } from './statement-builder';
export { TEXT_ENCODINGS, type TextEncoding } from './text-encoding';
export { detectFormat } from './detect-format';
export { parseCamt053 } from './camt053';
export { parseMt940, type Mt940Options } from './mt940';
export { parseGpc, type GpcOptions } from './gpc';
export { parseCsvStatement, type CsvColumn, type CsvColumnMapping, type CsvOptions } from './csv-statement';
export type { DatePattern } from './statement-dates';
export { accountMatchKey, normalizedAccount } from './account-number';
export { matchStatementLines } from './matcher';
export { settleAssignedLine, type ManualLine } from './manual-match';
export { normalizeSymbol, symbolsInText } from './payment-symbols';
export { messageTokens } from './match-keys';
export * from './match-types';
