// The one shape every bank format is normalized into before matching. Parsers fill it;
// the matcher reads nothing else, so a new bank format never touches matching rules.
import { Minor } from '../money';
import { CalendarDate } from '../billing/calendar-date';

export type StatementFormat = 'camt053' | 'mt940' | 'gpc' | 'csv';

export interface StatementLine {
  /** 1-based line of the record in the file (MT940, GPC, CSV) or entry ordinal (camt.053). */
  lineNo: number;
  bookingDate: CalendarDate;
  /** Signed: negative = money leaving the account. */
  amountMinor: Minor;
  currency: string;
  variableSymbol?: string;
  specificSymbol?: string;
  constantSymbol?: string;
  /** IBAN, or a local account such as '19-2000145399/0800'. */
  counterAccount?: string;
  counterName?: string;
  message?: string;
  /** The bank marks the entry as a reversal (camt RvslInd, MT940 RC/RD, GPC codes 4/5) of an earlier one. */
  reversal?: true;
  /** The bank's own reference for the entry, when it gives one. */
  bankReference?: string;
  /** Stable across re-imports of the same or an overlapping statement; see line-identity.ts. */
  identity: string;
}

/** Exactly one of accountIban / accountNumber is present. */
export type StatementAccount =
  | { accountIban: string; accountNumber?: never }
  | { accountNumber: string; accountIban?: never };

export type StatementHeader = StatementAccount & {
  currency: string;
  openingBalanceMinor?: Minor;
  closingBalanceMinor?: Minor;
  statementId?: string;
  from?: CalendarDate;
  to?: CalendarDate;
};

export interface ParsedStatement {
  header: StatementHeader;
  lines: StatementLine[];
}

export function statementAccountOf(header: StatementAccount): string {
  return header.accountIban ?? header.accountNumber;
}
