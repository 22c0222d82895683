// Inputs and outputs of payment matching. Every statement line gets exactly one outcome:
// matched to a customer (with the invoices it pays) or an exception a clerk resolves.
import { CalendarDate } from '../billing/calendar-date';
import { Minor } from '../money';

export interface CandidateInvoice {
  id: string;
  /** The number printed on the invoice, e.g. '2026-000123'; payers quote it in messages. */
  number: string;
  dueDate: CalendarDate;
  outstandingMinor: Minor;
}

export interface MatchCandidate {
  customerId: string;
  /** The customer's variable symbol. */
  paymentReference?: string;
  /** Payer accounts remembered from earlier manual resolutions. */
  knownCounterAccounts?: readonly string[];
  openInvoices: readonly CandidateInvoice[];
  /** What the customer was asked to pay in total (may differ from the open invoices' sum, e.g. after credit). */
  totalDueMinor: Minor;
}

export interface MatchOptions {
  /** Identities of lines imported before; seeing one again is a duplicate. */
  knownIdentities?: ReadonlySet<string>;
}

/** Which clue named the customer, strongest first. */
export type MatchKey = 'variable_symbol' | 'invoice_number' | 'message_reference' | 'specific_symbol' | 'counter_account';

export type MatchedKind = 'exact' | 'multi_invoice' | 'underpayment' | 'overpayment';

export const EXCEPTION_REASONS = ['unknown_reference', 'ambiguous', 'duplicate', 'outgoing', 'zero_amount'] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

export interface AllocationToInvoice {
  invoiceId: string;
  invoiceNumber: string;
  appliedMinor: Minor;
  outstandingAfterMinor: Minor;
}

interface OutcomeBase {
  lineNo: number;
  identity: string;
  amountMinor: Minor;
}

export interface MatchedOutcome extends OutcomeBase {
  kind: MatchedKind;
  customerId: string;
  matchedBy: MatchKey;
  allocations: AllocationToInvoice[];
  allocatedMinor: Minor;
  /** Paid beyond every open invoice; becomes customer credit. */
  creditMinor: Minor;
  /** The customer's open invoices still unpaid after this line. */
  openAfterMinor: Minor;
}

export interface ExceptionOutcome extends OutcomeBase {
  kind: 'exception';
  reason: ExceptionReason;
  /** Customers the clues pointed at (empty when none). */
  candidateCustomerIds: string[];
  detail: string;
}

export type LineOutcome = MatchedOutcome | ExceptionOutcome;

export interface MatchSummary {
  lines: number;
  matched: number;
  byKind: Record<MatchedKind, number>;
  /** Sum of all positive lines. Always = matchedAmountMinor + creditMinor + exceptionAmountMinor + duplicateAmountMinor. */
  incomingAmountMinor: Minor;
  /** Allocated to invoices. */
  matchedAmountMinor: Minor;
  creditMinor: Minor;
  exceptions: Record<ExceptionReason, number>;
  /** Incoming money left for a clerk (unknown or ambiguous lines); duplicates are counted apart. */
  exceptionAmountMinor: Minor;
  /** Incoming money on duplicate lines, which must not be booked again. */
  duplicateAmountMinor: Minor;
  /** Sum of outgoing (negative) lines that are not duplicates. */
  outgoingAmountMinor: Minor;
}

export interface MatchResult {
  outcomes: LineOutcome[];
  summary: MatchSummary;
}

export class MatchInputError extends Error {
  override readonly name = 'MatchInputError';
}

/** A broken money identity: a bug, never a data problem. */
export class MatchInvariantError extends Error {
  override readonly name = 'MatchInvariantError';
}
