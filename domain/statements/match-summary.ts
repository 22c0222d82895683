// Totals of a matching run, and the check that no money was created or lost on the way:
// every incoming minor unit is allocated to an invoice, kept as credit, left as an
// exception, or set aside as a duplicate — exactly once.
import { sumMinor } from '../money';
import { EXCEPTION_REASONS, ExceptionReason, LineOutcome, MatchedKind, MatchInvariantError, MatchSummary } from './match-types';

export function summarize(outcomes: readonly LineOutcome[]): MatchSummary {
  const byKind: Record<MatchedKind, number> = { exact: 0, multi_invoice: 0, underpayment: 0, overpayment: 0 };
  const exceptions = Object.fromEntries(EXCEPTION_REASONS.map((reason) => [reason, 0])) as Record<ExceptionReason, number>;
  const summary: MatchSummary = {
    lines: outcomes.length,
    matched: 0,
    byKind,
    incomingAmountMinor: 0,
    matchedAmountMinor: 0,
    creditMinor: 0,
    exceptions,
    exceptionAmountMinor: 0,
    duplicateAmountMinor: 0,
    outgoingAmountMinor: 0,
  };
  for (const outcome of outcomes) {
    const incoming = Math.max(outcome.amountMinor, 0);
    summary.incomingAmountMinor += incoming;
    if (outcome.kind === 'exception') {
      exceptions[outcome.reason]++;
      if (outcome.reason === 'duplicate') summary.duplicateAmountMinor += incoming;
      else if (outcome.reason === 'outgoing') summary.outgoingAmountMinor += outcome.amountMinor;
      else summary.exceptionAmountMinor += incoming;
      continue;
    }
    if (outcome.allocatedMinor + outcome.creditMinor !== outcome.amountMinor) {
      throw new MatchInvariantError(`line ${outcome.lineNo}: allocated ${outcome.allocatedMinor} + credit ${outcome.creditMinor} ≠ amount ${outcome.amountMinor}`);
    }
    summary.matched++;
    byKind[outcome.kind]++;
    summary.matchedAmountMinor += outcome.allocatedMinor;
    summary.creditMinor += outcome.creditMinor;
  }
  const accounted = sumMinor([summary.matchedAmountMinor, summary.creditMinor, summary.exceptionAmountMinor, summary.duplicateAmountMinor]);
  if (accounted !== summary.incomingAmountMinor) {
    throw new MatchInvariantError(`incoming ${summary.incomingAmountMinor} ≠ allocated + credit + exceptions + duplicates ${accounted}`);
  }
  return summary;
}
