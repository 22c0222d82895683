// Matches statement lines to customers and their open invoices. Pure: the caller loads
// candidates and already-imported identities, and books the outcomes. Lines are settled
// in statement order against a running copy of the open invoices, so two payments of
// the same invoice in one statement cannot both pay it.
import { assertMinor } from '../money';
import { CandidateIndex } from './match-keys';
import { applySettlement, CustomerLedger, openLedger, settle } from './match-allocation';
import { summarize } from './match-summary';
import { ExceptionOutcome, ExceptionReason, LineOutcome, MatchCandidate, MatchInputError, MatchOptions, MatchResult } from './match-types';
import { StatementLine } from './statement-line';

export function matchStatementLines(lines: readonly StatementLine[], candidates: readonly MatchCandidate[], options: MatchOptions = {}): MatchResult {
  validateLines(lines);
  const ledgers = openLedgers(candidates);
  const index = new CandidateIndex(candidates);
  const known = options.knownIdentities ?? new Set<string>();
  const firstSeenAt = new Map<string, number>();

  const outcomes = lines.map((line): LineOutcome => {
    const who = index.identify(line);
    const exception = (reason: ExceptionReason, detail: string): ExceptionOutcome => ({
      kind: 'exception',
      reason,
      lineNo: line.lineNo,
      identity: line.identity,
      amountMinor: line.amountMinor,
      candidateCustomerIds: who.customerIds,
      detail,
    });
    const earlier = firstSeenAt.get(line.identity);
    if (earlier === undefined) firstSeenAt.set(line.identity, line.lineNo);
    if (known.has(line.identity)) return exception('duplicate', 'imported before');
    if (earlier !== undefined) return exception('duplicate', `same line as line ${earlier} of this statement`);
    if (line.amountMinor < 0) return exception('outgoing', who.customerIds.length > 0 ? `money going out; ${who.detail}` : 'money going out (a fee, a refund or a transfer)');
    if (line.amountMinor === 0) return exception('zero_amount', who.detail);
    if (who.customerIds.length === 0) return exception('unknown_reference', who.detail);
    if (who.customerIds.length > 1 || !who.matchedBy) return exception('ambiguous', who.detail);

    const ledger = ledgers.get(who.customerIds[0]) as CustomerLedger;
    const settlement = settle(ledger, line.amountMinor, who.mentionedInvoiceIds);
    const openAfterMinor = applySettlement(ledger, line.amountMinor, settlement);
    return {
      kind: settlement.kind,
      lineNo: line.lineNo,
      identity: line.identity,
      amountMinor: line.amountMinor,
      customerId: ledger.customerId,
      matchedBy: who.matchedBy,
      allocations: settlement.allocations,
      allocatedMinor: settlement.allocatedMinor,
      creditMinor: settlement.creditMinor,
      openAfterMinor,
    };
  });
  return { outcomes, summary: summarize(outcomes) };
}

function validateLines(lines: readonly StatementLine[]): void {
  const currencies = new Set(lines.map((line) => line.currency));
  if (currencies.size > 1) throw new MatchInputError(`lines in several currencies (${[...currencies].join(', ')}) cannot be summed`);
  for (const line of lines) assertMinor(line.amountMinor, `amount of line ${line.lineNo}`);
}

function openLedgers(candidates: readonly MatchCandidate[]): Map<string, CustomerLedger> {
  const ledgers = new Map<string, CustomerLedger>();
  const invoiceIds = new Set<string>();
  for (const candidate of candidates) {
    if (ledgers.has(candidate.customerId)) throw new MatchInputError(`customer '${candidate.customerId}' is listed twice`);
    assertMinor(candidate.totalDueMinor, `total due of customer '${candidate.customerId}'`);
    for (const invoice of candidate.openInvoices) {
      if (invoiceIds.has(invoice.id)) throw new MatchInputError(`invoice '${invoice.id}' is listed twice`);
      invoiceIds.add(invoice.id);
      if (assertMinor(invoice.outstandingMinor, `outstanding of invoice '${invoice.id}'`) < 0) {
        throw new MatchInputError(`invoice '${invoice.id}' has a negative outstanding amount`);
      }
    }
    ledgers.set(candidate.customerId, openLedger(candidate));
  }
  return ledgers;
}
