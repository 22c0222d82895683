// Rules every format shares, applied while a parser walks its file: one account, one
// currency, identities for every line, and — when the bank states both balances — proof
// that opening balance + lines = closing balance, which catches truncated or doctored files.
import { CalendarDate } from '../billing/calendar-date';
import { assertMinor, formatMinor, Minor } from '../money';
import { accountMatchKey, isIbanLike, normalizedAccount } from './account-number';
import { currencyExponent } from './currency';
import { LineIdentities } from './line-identity';
import { SeveralAccountsError, StatementFormatError, StatementLocation } from './statement-format-error';
import { ParsedStatement, StatementAccount, StatementFormat, StatementHeader, StatementLine } from './statement-line';

export type LineDraft = Omit<StatementLine, 'identity'>;

export interface SectionStart {
  /** As the file writes it; the header gets the normalized spelling, line identities the written one. */
  account: string;
  statementId?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  openingBalanceMinor?: Minor;
}

export interface SectionEnd {
  openingBalanceMinor?: Minor;
  closingBalanceMinor?: Minor;
  to?: CalendarDate;
}

export interface StatementRules {
  /** The account's currency; a statement or line in any other currency is rejected. */
  currency?: string;
  /** Default true. */
  verifyBalances?: boolean;
  /** In a file with statements of several accounts, the one to read; the others are skipped. */
  account?: string;
}

interface OpenSection {
  openingBalanceMinor?: Minor;
  sumMinor: Minor;
  where: StatementLocation;
}

export class StatementBuilder {
  private currency?: string;
  private currencyOwner = 'statement';
  private account?: string;
  private readonly accountsSeen: string[] = [];
  private identities?: LineIdentities;
  private header: Omit<StatementHeader, 'accountIban' | 'accountNumber' | 'currency'> = {};
  private section?: OpenSection;
  private sections = 0;
  private readonly lines: StatementLine[] = [];

  constructor(
    readonly format: StatementFormat,
    private readonly rules: StatementRules = {},
  ) {
    if (rules.currency) {
      this.currency = rules.currency;
      this.currencyOwner = 'account';
    }
  }

  get statementCurrency(): string | undefined {
    return this.currency;
  }

  fail(where: StatementLocation, reason: string): never {
    throw new StatementFormatError(this.format, where, reason);
  }

  /** `what` names the source in the message, e.g. 'line 7' or 'opening balance'. */
  requireCurrency(currency: string, what: string, where: StatementLocation): void {
    if (this.currency === undefined) {
      this.currency = currency;
    } else if (currency !== this.currency) {
      this.fail(where, `multiple currencies: ${what} is ${currency}, ${this.currencyOwner} is ${this.currency}`);
    } else if (what === 'statement') {
      this.currencyOwner = 'statement';
    }
  }

  /** Whether the statement of `account` is read; a parser skips it when not. */
  selects(account: string): boolean {
    const key = accountMatchKey(account);
    if (!this.accountsSeen.some((seen) => accountMatchKey(seen) === key)) this.accountsSeen.push(account);
    return this.rules.account === undefined || accountMatchKey(this.rules.account) === key;
  }

  beginSection(start: SectionStart, where: StatementLocation): void {
    if (this.section) this.fail(where, 'a new statement starts before the previous one has ended');
    const account = start.account.trim();
    if (this.account === undefined) {
      this.account = account;
      this.identities = new LineIdentities(account);
      this.header = { statementId: start.statementId, from: start.from, openingBalanceMinor: start.openingBalanceMinor };
    } else if (accountMatchKey(account) !== accountMatchKey(this.account)) {
      throw new SeveralAccountsError(this.format, where, [this.account, account]);
    }
    if (start.to !== undefined) this.header.to = start.to;
    this.section = { openingBalanceMinor: start.openingBalanceMinor, sumMinor: 0, where };
    this.sections++;
  }

  addLine(draft: LineDraft, where: StatementLocation): void {
    if (!this.section || !this.identities) return this.fail(where, 'statement line outside a statement (no header before it)');
    this.requireCurrency(draft.currency, `line ${draft.lineNo}`, where);
    assertMinor(draft.amountMinor);
    this.lines.push(toLine(draft, this.identities.next(draft)));
    this.section.sumMinor = assertMinor(this.section.sumMinor + draft.amountMinor, 'statement total');
  }

  endSection(end: SectionEnd, where: StatementLocation): void {
    const section = this.section;
    if (!section) return this.fail(where, 'statement end without a statement start');
    this.section = undefined;
    const opening = section.openingBalanceMinor ?? end.openingBalanceMinor;
    if (this.sections === 1 && opening !== undefined) this.header.openingBalanceMinor = opening;
    if (end.closingBalanceMinor !== undefined) this.header.closingBalanceMinor = end.closingBalanceMinor;
    if (end.to !== undefined) this.header.to = end.to;
    if (this.rules.verifyBalances === false || opening === undefined || end.closingBalanceMinor === undefined) return;
    if (opening + section.sumMinor !== end.closingBalanceMinor) {
      const money = (amount: Minor) => formatMinor(amount, this.currency ?? '', currencyExponent(this.currency ?? ''));
      this.fail(
        where,
        `balances do not reconcile: opening ${money(opening)} + lines ${money(section.sumMinor)} ≠ closing ${money(end.closingBalanceMinor)}; is the file complete?`,
      );
    }
  }

  finish(where: StatementLocation): ParsedStatement {
    if (this.section) this.fail(where, 'file ends inside a statement');
    if (!this.account && this.rules.account !== undefined && this.accountsSeen.length > 0) {
      this.fail(where, `the file holds statements of ${this.accountsSeen.join(', ')}, none of account ${this.rules.account}`);
    }
    if (!this.account) this.fail(where, 'no statement found in the file');
    if (!this.currency) this.fail(where, 'statement currency is unknown; pass the account currency');
    const header = withoutUndefined({ ...headerAccount(this.account), currency: this.currency, ...this.header }) as StatementHeader;
    return { header, lines: this.lines };
  }
}

function headerAccount(written: string): StatementAccount {
  const account = normalizedAccount(written);
  return isIbanLike(account) ? { accountIban: account } : { accountNumber: account };
}

const OPTIONAL_LINE_FIELDS = ['variableSymbol', 'specificSymbol', 'constantSymbol', 'counterName', 'message', 'bankReference', 'reversal'] as const;

// Absent fields are left out rather than set to undefined, so lines compare and serialize
// cleanly; built field by field because this runs once per line of 100k-line statements.
function toLine(draft: LineDraft, identity: string): StatementLine {
  const line = { lineNo: draft.lineNo, bookingDate: draft.bookingDate, amountMinor: draft.amountMinor, currency: draft.currency } as StatementLine;
  for (const key of OPTIONAL_LINE_FIELDS) {
    const value = draft[key];
    if (value !== undefined) (line as unknown as Record<string, unknown>)[key] = value;
  }
  // The identity was taken from the account as written, so it stays what earlier imports stored.
  if (draft.counterAccount !== undefined) line.counterAccount = normalizedAccount(draft.counterAccount);
  line.identity = identity;
  return line;
}

function withoutUndefined<T extends object>(value: T): T {
  const copy = {} as T;
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) copy[key] = value[key];
  return copy;
}
