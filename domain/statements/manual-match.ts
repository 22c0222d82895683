// A clerk who assigns an exception to a customer gets the very settlement an automatic
// match would have made: an invoice the clerk names is preferred, and otherwise the
// invoices the payer's message names, as the matcher prefers them.
import { assertMinor, Minor } from '../money';
import { applySettlement, openLedger, settle } from './match-allocation';
import { messageTokens } from './match-keys';
import { MatchCandidate, MatchedOutcome, MatchInputError } from './match-types';

export interface ManualLine {
  lineNo: number;
  identity: string;
  amountMinor: Minor;
  message?: string;
}

function invoicesNamedIn(message: string | undefined, candidate: MatchCandidate): string[] {
  const tokens = new Set(messageTokens(message));
  return candidate.openInvoices.filter((invoice) => tokens.has(invoice.number.trim().toUpperCase())).map((invoice) => invoice.id);
}

export function settleAssignedLine(line: ManualLine, candidate: MatchCandidate, invoiceId?: string): Omit<MatchedOutcome, 'matchedBy'> {
  if (assertMinor(line.amountMinor, `amount of line ${line.lineNo}`) <= 0) throw new MatchInputError('only incoming money can be assigned to a customer');
  if (invoiceId !== undefined && !candidate.openInvoices.some((invoice) => invoice.id === invoiceId)) {
    throw new MatchInputError(`invoice ${invoiceId} is not an open invoice of customer ${candidate.customerId}`);
  }
  const ledger = openLedger(candidate);
  const settlement = settle(ledger, line.amountMinor, new Set(invoiceId === undefined ? invoicesNamedIn(line.message, candidate) : [invoiceId]));
  const openAfterMinor = applySettlement(ledger, line.amountMinor, settlement);
  return { ...settlement, lineNo: line.lineNo, identity: line.identity, amountMinor: line.amountMinor, customerId: candidate.customerId, openAfterMinor };
}
