// SWIFT MT940 customer statement, read line by line. A file may hold several messages
// (pages :28C: 1/1, 2/1 … or consecutive days), each :20: … :62F:, and messages of other
// accounts, which are skipped when the caller names the one to read. Lines of a field that
// do not start with a tag continue it. Banks wrap messages in SWIFT blocks {1:}{2:}{4: … -},
// control characters (SOH, ETX) and preamble lines (a BIC, '940', '0000 01…', ':940:'),
// none of which carry statement data.
import { parseBalance, parseStatementLine, Mt940Entry } from './mt940-fields';
import { parseInformation } from './mt940-information';
import { StatementBuilder, StatementRules } from './statement-builder';
import { atLocation, StatementLocation } from './statement-format-error';
import { ParsedStatement } from './statement-line';
import { resolveEncoding } from './text-encoding';
import { TextEncoding, textLines } from './text-input';

export interface Mt940Options extends StatementRules {
  encoding?: TextEncoding;
}

const TAG = /^:(\d{2}[A-Z]?):(.*)$/;
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F]/g;
// Fields of one line; text after them (a bank's preamble between messages) is not part of them.
const SINGLE_LINE = new Set(['20', '21', '25', '28', '28C', '60F', '60M', '62F', '62M', '64', '65']);
// After these a message may end without '-', so the next message's preamble follows them.
const MESSAGE_END = new Set(['62F', '62M', '64', '65']);
// '0800/2801234578' or 'GIBACZPX/2801234578': some banks put their code or BIC before the number.
const BIC_PREFIX = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\//;

interface Field {
  tag: string;
  lineNo: number;
  lines: string[];
}

class Mt940Reader {
  private field?: Field;
  private reference?: string;
  private number?: string;
  private account?: string;
  /** The message is of an account the caller did not ask for. */
  private skipping = false;
  private inSection = false;
  private awaitingOpening = false;
  /** The last page closed with an intermediate balance (:62M:), so another page must follow. */
  private continues = false;
  private pending?: { entry: Mt940Entry; lineNo: number };

  constructor(private readonly builder: StatementBuilder) {}

  line(lineNo: number, raw: string): void {
    let text = raw.replace(CONTROL, '');
    if (text.startsWith('{')) {
      // SWIFT envelope: blocks {1:}{2:}{3:} precede the text block {4:.
      const body = text.indexOf('{4:');
      if (body === -1) return;
      text = text.slice(body + 3);
    }
    // Blank lines occur inside :86: (and between messages); they end nothing.
    if (text.trim() === '') return;
    // '-' alone or '-}' ends a message; a '-' starting continuation text does not.
    if (text.trim() === '-' || text.startsWith('-}')) return this.flushField();
    const tag = TAG.exec(text);
    if (tag) {
      this.flushField();
      this.field = { tag: tag[1], lineNo, lines: [tag[2]] };
    } else if (this.field && !SINGLE_LINE.has(this.field.tag)) this.field.lines.push(text);
    else if (this.field ? !MESSAGE_END.has(this.field.tag) : this.awaitingOpening || this.inSection) {
      this.builder.fail({ lineNo }, `text outside any field: '${text.slice(0, 30)}'`);
    }
    // Otherwise it is a preamble or trailer line around the messages.
  }

  end(lineNo: number): void {
    this.flushField();
    this.flushPending();
    if (this.inSection) this.builder.fail({ lineNo }, 'file ends without the closing balance :62F:');
    if (this.awaitingOpening) this.builder.fail({ lineNo }, 'file ends after a statement reference :20: without balances');
    if (this.continues) this.builder.fail({ lineNo }, 'file ends after an intermediate balance :62M:; the next page is missing');
  }

  private flushField(): void {
    const field = this.field;
    this.field = undefined;
    if (field) atLocation('mt940', { lineNo: field.lineNo }, () => this.process(field));
  }

  private process({ tag, lineNo, lines }: Field): void {
    const where: StatementLocation = { lineNo };
    const value = SINGLE_LINE.has(tag) ? lines[0].trim() : lines.join('\n').trim();
    if (tag === '20') return this.startMessage(value, where);
    if (this.skipping) return;
    if (tag !== '86') this.flushPending();
    switch (tag) {
      case '25':
        this.account = value.replace(BIC_PREFIX, '');
        if (!this.builder.selects(this.account)) {
          this.skipping = true;
          this.awaitingOpening = false;
        }
        return;
      case '28':
      case '28C':
        this.number = value;
        return;
      case '60F':
      case '60M': {
        if (!this.account) this.builder.fail(where, 'opening balance before the account :25:');
        const balance = parseBalance(value);
        this.builder.requireCurrency(balance.currency, 'opening balance :60F:', where);
        this.builder.beginSection(
          { account: this.account, statementId: this.number ?? this.reference, from: balance.date, openingBalanceMinor: balance.amountMinor },
          where,
        );
        this.inSection = true;
        this.awaitingOpening = false;
        return;
      }
      case '61': {
        const currency = this.builder.statementCurrency;
        if (!this.inSection || !currency) this.builder.fail(where, 'statement line :61: before the opening balance :60F:');
        this.pending = { entry: parseStatementLine(lines, currency), lineNo };
        return;
      }
      case '86':
        return this.flushPending(lines);
      case '62F':
      case '62M': {
        if (!this.inSection) this.builder.fail(where, 'closing balance :62F: without an opening balance :60F:');
        const balance = parseBalance(value);
        this.builder.requireCurrency(balance.currency, 'closing balance :62F:', where);
        this.builder.endSection({ closingBalanceMinor: balance.amountMinor, to: balance.date }, where);
        this.inSection = false;
        this.continues = tag === '62M';
        return;
      }
      default:
        return; // :21:, :13D:, :64:, :65:, :90C: … carry nothing a payment match needs
    }
  }

  private startMessage(reference: string, where: StatementLocation): void {
    this.flushPending();
    if (this.inSection) this.builder.fail(where, 'new statement (:20:) before the closing balance :62F: of the previous one');
    this.reference = reference;
    this.number = undefined;
    this.account = undefined;
    this.skipping = false;
    this.awaitingOpening = true;
  }

  /** Emits the pending :61: line, with its :86: information when given. */
  private flushPending(information?: readonly string[]): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const { entry, lineNo } = pending;
    const info = information ? parseInformation(information) : {};
    this.builder.addLine(
      {
        lineNo,
        bookingDate: entry.bookingDate,
        amountMinor: entry.amountMinor,
        currency: this.builder.statementCurrency ?? '',
        variableSymbol: info.variableSymbol,
        specificSymbol: info.specificSymbol,
        constantSymbol: info.constantSymbol,
        counterAccount: info.counterAccount,
        counterName: info.counterName,
        message: info.message ?? entry.supplementary,
        bankReference: entry.bankReference,
        reversal: entry.reversal || undefined,
      },
      { lineNo },
    );
  }
}

export function parseMt940(input: string | Buffer, options: Mt940Options = {}): ParsedStatement {
  const builder = new StatementBuilder('mt940', options);
  const reader = new Mt940Reader(builder);
  let last = 0;
  for (const { lineNo, text } of textLines('mt940', input, resolveEncoding(input, options.encoding))) {
    reader.line(lineNo, text);
    last = lineNo;
  }
  reader.end(last + 1);
  return builder.finish({ lineNo: last + 1 });
}
