// Bank CSV exports differ per bank, so each bank account stores a column mapping once
// and every later export is read through it. The account and its currency come from
// the caller, since most exports do not repeat them on every row.
import { isIbanLike } from './account-number';
import { currencyCode, currencyExponent } from './currency';
import { csvRecords, CsvRecord } from './csv-records';
import { parseDecimalMinor } from './decimal-amount';
import { mergeSymbols, normalizeConstantSymbol, normalizeSymbol, symbolsInText } from './payment-symbols';
import { StatementBuilder, StatementRules } from './statement-builder';
import { DatePattern, dateFromPattern } from './statement-dates';
import { atLocation } from './statement-format-error';
import { ParsedStatement } from './statement-line';
import { resolveEncoding } from './text-encoding';
import { TextEncoding, TextLine, textLines } from './text-input';

/** A header name, or a 0-based field index. */
export type CsvColumn = string | number;

export interface CsvColumnMapping {
  delimiter: string;
  decimalSeparator: '.' | ',';
  dateFormat: DatePattern;
  hasHeader: boolean;
  /** Lines before the header (or first record) to ignore, e.g. an account summary block. */
  skipLines?: number;
  encoding?: TextEncoding;
  columns: {
    date: CsvColumn;
    amount: CsvColumn;
    currency?: CsvColumn;
    variableSymbol?: CsvColumn;
    specificSymbol?: CsvColumn;
    constantSymbol?: CsvColumn;
    counterAccount?: CsvColumn;
    /** Czech exports give the counter-account's bank code in its own column. */
    counterBankCode?: CsvColumn;
    counterName?: CsvColumn;
    message?: CsvColumn;
    bankReference?: CsvColumn;
  };
}

export interface CsvOptions extends StatementRules {
  mapping: CsvColumnMapping;
  /** IBAN or local number of the account the export belongs to. */
  account: string;
  /** Declared on upload; wins over the mapping's, which wins over detection. */
  encoding?: TextEncoding;
}

type ColumnKey = keyof CsvColumnMapping['columns'];
const REQUIRED: readonly ColumnKey[] = ['date', 'amount'];

export function parseCsvStatement(input: string | Buffer, options: CsvOptions): ParsedStatement {
  const { mapping } = options;
  const builder = new StatementBuilder('csv', options);
  if (mapping.delimiter.length !== 1 || mapping.delimiter === '"') builder.fail({}, `delimiter must be one character other than '"'`);
  builder.beginSection({ account: options.account }, { lineNo: 1 });

  let indexes: Partial<Record<ColumnKey, number>> | undefined = mapping.hasHeader ? undefined : indexesWithoutHeader(mapping, builder);
  const lines = afterSkipped(textLines('csv', input, resolveEncoding(input, options.encoding ?? mapping.encoding)), mapping.skipLines ?? 0);
  for (const record of csvRecords(lines, mapping.delimiter)) {
    if (!indexes) {
      indexes = indexesFromHeader(mapping, record, builder);
      continue;
    }
    const at = { lineNo: record.lineNo };
    const columns = indexes;
    atLocation('csv', at, () => builder.addLine(recordLine(record, columns, mapping, builder), at));
  }
  builder.endSection({}, {});
  return builder.finish({});
}

function* afterSkipped(lines: Iterable<TextLine>, skip: number): Generator<TextLine> {
  for (const line of lines) if (line.lineNo > skip) yield line;
}

function indexesWithoutHeader(mapping: CsvColumnMapping, builder: StatementBuilder): Partial<Record<ColumnKey, number>> {
  const indexes: Partial<Record<ColumnKey, number>> = {};
  for (const [key, column] of Object.entries(mapping.columns) as [ColumnKey, CsvColumn | undefined][]) {
    if (column === undefined) continue;
    if (typeof column !== 'number') builder.fail({}, `column '${column}' is named, but the mapping says the file has no header`);
    indexes[key] = column;
  }
  return indexes;
}

function indexesFromHeader(mapping: CsvColumnMapping, header: CsvRecord, builder: StatementBuilder): Partial<Record<ColumnKey, number>> {
  const names = header.fields.map((name) => name.trim());
  const indexes: Partial<Record<ColumnKey, number>> = {};
  for (const [key, column] of Object.entries(mapping.columns) as [ColumnKey, CsvColumn | undefined][]) {
    if (column === undefined) continue;
    const index = typeof column === 'number' ? column : names.indexOf(column.trim());
    if (index === -1) builder.fail({ lineNo: header.lineNo }, `column '${column}' is not in the header (${names.join(', ')})`);
    indexes[key] = index;
  }
  return indexes;
}

function recordLine(record: CsvRecord, indexes: Partial<Record<ColumnKey, number>>, mapping: CsvColumnMapping, builder: StatementBuilder) {
  const value = (key: ColumnKey): string | undefined => {
    const index = indexes[key];
    if (index === undefined) return undefined;
    if (index >= record.fields.length) {
      if (!REQUIRED.includes(key)) return undefined;
      builder.fail({ lineNo: record.lineNo }, `record has ${record.fields.length} fields, the ${key} column is field ${index + 1}`);
    }
    return record.fields[index].trim() || undefined;
  };
  const amountText = value('amount') ?? builder.fail({ lineNo: record.lineNo }, 'amount is empty');
  const dateText = value('date') ?? builder.fail({ lineNo: record.lineNo }, 'date is empty');
  const currencyText = value('currency');
  const currency = currencyText ? currencyCode(currencyText) : builder.statementCurrency;
  if (!currency) return builder.fail({ lineNo: record.lineNo }, 'no currency column and no account currency given');
  const message = value('message');
  const fieldSymbols = {
    variableSymbol: normalizeSymbol(value('variableSymbol')),
    specificSymbol: normalizeSymbol(value('specificSymbol')),
    constantSymbol: normalizeConstantSymbol(value('constantSymbol')),
  };
  return {
    lineNo: record.lineNo,
    bookingDate: dateFromPattern(dateText, mapping.dateFormat),
    amountMinor: parseDecimalMinor(amountText, currencyExponent(currency), { decimalSeparator: mapping.decimalSeparator, allowGrouping: true }),
    currency,
    ...mergeSymbols(fieldSymbols, symbolsInText(message)),
    counterAccount: withBankCode(value('counterAccount'), value('counterBankCode')),
    counterName: value('counterName'),
    message,
    bankReference: value('bankReference'),
  };
}

function withBankCode(account: string | undefined, bankCode: string | undefined): string | undefined {
  if (!account || !bankCode || account.includes('/') || isIbanLike(account)) return account;
  return `${account}/${bankCode}`;
}
