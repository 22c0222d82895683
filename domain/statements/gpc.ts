// Czech GPC/ABO statements ("výpis ve formátu GPC"), usually Windows-1250. Each 074
// header opens a statement for one account; 075 records follow; 078/079 carry the
// payer's message for the 075 before them; 076 (extra bank data) is skipped.
import { Minor } from '../money';
import { currencyExponent, currencyFromNumeric } from './currency';
import { hundredthsToMinor, negate } from './decimal-amount';
import { GPC_RECORD_LENGTH, GpcHeaderRecord, GpcItemRecord, GpcSignedHundredths, readHeaderRecord, readItemRecord } from './gpc-records';
import { normalizeConstantSymbol, normalizeSymbol } from './payment-symbols';
import { LineDraft, StatementBuilder, StatementRules } from './statement-builder';
import { atLocation, FieldFormatError } from './statement-format-error';
import { ParsedStatement } from './statement-line';
import { resolveEncoding } from './text-encoding';
import { TextEncoding, textLines } from './text-input';

export interface GpcOptions extends StatementRules {
  /** By default valid UTF-8 is read as UTF-8, anything else in the Czech code page it reads best in (text-encoding.ts). */
  encoding?: TextEncoding;
}

// 1 debit, 2 credit, 4 reversal of a debit (money returns), 5 reversal of a credit (money leaves).
const SIGN: Readonly<Record<GpcItemRecord['accountingCode'], 1 | -1>> = { '1': -1, '2': 1, '4': 1, '5': -1 };

// GPC states no currency in the header; a statement without lines is in the account currency, or CZK.
const DEFAULT_CURRENCY = 'CZK';

interface PendingItem {
  item: GpcItemRecord;
  lineNo: number;
  message: string[];
}

export function parseGpc(input: string | Buffer, options: GpcOptions = {}): ParsedStatement {
  const builder = new StatementBuilder('gpc', options);
  let header: { record: GpcHeaderRecord; lineNo: number } | undefined;
  let pending: PendingItem | undefined;
  /** The statement of an account the caller did not ask for. */
  let skipping = false;
  let last = 0;

  const emitPending = (): void => {
    if (!pending || !header) return;
    const { item, lineNo, message } = pending;
    const statement = header.record;
    pending = undefined;
    atLocation('gpc', { lineNo }, () => builder.addLine(itemLine(item, lineNo, message.join(' '), statement), { lineNo }));
  };
  const closeSection = (lineNo: number): void => {
    emitPending();
    if (!header) return;
    if (!builder.statementCurrency) builder.requireCurrency(DEFAULT_CURRENCY, 'statement', { lineNo: header.lineNo });
    const exponent = currencyExponent(builder.statementCurrency ?? DEFAULT_CURRENCY);
    const { opening, closing } = header.record;
    builder.endSection({ openingBalanceMinor: balance(opening, exponent), closingBalanceMinor: balance(closing, exponent) }, { lineNo });
    header = undefined;
  };

  for (const { lineNo, text } of textLines('gpc', input, resolveEncoding(input, options.encoding))) {
    last = lineNo;
    if (text.trim() === '') continue;
    const type = text.slice(0, 3);
    checkLength(builder, type, text, lineNo);
    const record = text.padEnd(GPC_RECORD_LENGTH, ' ');
    if (skipping && type !== '074') continue;
    atLocation('gpc', { lineNo }, () => {
      if (type === '074') {
        closeSection(lineNo);
        const read = readHeaderRecord(record);
        skipping = !builder.selects(read.account);
        if (skipping) return;
        header = { record: read, lineNo };
        builder.beginSection({ account: read.account, statementId: read.statementNumber, from: read.openingDate, to: read.date }, { lineNo });
      } else if (type === '075') {
        if (!header) builder.fail({ lineNo }, 'transaction record 075 before any header record 074');
        emitPending();
        pending = { item: readItemRecord(record), lineNo, message: [] };
      } else if (type === '078' || type === '079') {
        const item = pending ?? builder.fail({ lineNo }, `message record ${type} does not follow a transaction record 075`);
        const content = record.slice(3).replace(/\s{2,}/g, ' ').trim();
        if (content) item.message.push(content);
      } else if (type !== '076') {
        builder.fail({ lineNo }, `unknown record type '${type}'`);
      }
    });
  }
  closeSection(last + 1);
  return builder.finish({ lineNo: last + 1 });
}

// Header and transaction records end with data (dates), so a shorter one lost characters;
// message records (076, 078, 079) often lose only their padding.
function checkLength(builder: StatementBuilder, type: string, text: string, lineNo: number): void {
  const hint = text.length > GPC_RECORD_LENGTH ? '; is the encoding right?' : '';
  if (text.length > GPC_RECORD_LENGTH || ((type === '074' || type === '075') && text.length !== GPC_RECORD_LENGTH)) {
    builder.fail({ lineNo }, `record ${lineNo} has ${text.length} characters; GPC records have ${GPC_RECORD_LENGTH}${hint}`);
  }
}

function balance(value: GpcSignedHundredths, exponent: number): Minor {
  const minor = hundredthsToMinor(value.digits, exponent);
  return value.negative ? negate(minor) : minor;
}

function itemLine(item: GpcItemRecord, lineNo: number, message: string, header: GpcHeaderRecord): LineDraft {
  if (item.account !== header.account) {
    throw new FieldFormatError(`record is for account ${item.account}, the statement header for ${header.account}`);
  }
  const currency = currencyFromNumeric(item.currencyNumeric);
  const magnitude = hundredthsToMinor(item.amountHundredths, currencyExponent(currency));
  const bookingDate = item.bookingDate ?? item.valueDate ?? header.date;
  if (!bookingDate) throw new FieldFormatError('record has neither a booking nor a value date');
  // Many banks fill the 075 name field with the payer's message ('VS:123 FA 2026-0001'); a
  // field with a digit in it may name an invoice or a 'VS:', so the matcher searches it with the message.
  // (Symbols stay the record's own: they are part of the line identity.)
  const searched = item.counterName && /\d/.test(item.counterName) ? [message, item.counterName].filter(Boolean).join(' ') : message;
  return {
    lineNo,
    bookingDate,
    amountMinor: SIGN[item.accountingCode] === 1 ? magnitude : negate(magnitude),
    currency,
    variableSymbol: normalizeSymbol(item.variableSymbol),
    specificSymbol: normalizeSymbol(item.specificSymbol),
    constantSymbol: normalizeConstantSymbol(item.constantSymbol),
    counterAccount: item.counterAccount,
    counterName: item.counterName,
    message: searched || undefined,
    bankReference: item.documentNumber,
    reversal: item.accountingCode === '4' || item.accountingCode === '5' || undefined,
  };
}
