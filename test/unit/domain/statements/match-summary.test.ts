import { summarize } from '../../../../domain/statements/match-summary';
import { LineOutcome, MatchInvariantError } from '../../../../domain/statements/match-types';

const matched = (amountMinor: number, allocatedMinor: number, creditMinor: number): LineOutcome => ({
  kind: creditMinor > 0 ? 'overpayment' : 'exact', lineNo: 1, identity: 'a', amountMinor, customerId: 'C', matchedBy: 'variable_symbol',
  allocations: [], allocatedMinor, creditMinor, openAfterMinor: 0,
});
const exception = (reason: 'unknown_reference' | 'duplicate' | 'outgoing', amountMinor: number): LineOutcome => ({
  kind: 'exception', reason, lineNo: 2, identity: 'b', amountMinor, candidateCustomerIds: [], detail: '-',
});

describe('summarize', () => {
  it('accounts for every incoming minor unit exactly once', () => {
    expect(summarize([matched(100, 70, 30), exception('unknown_reference', 5), exception('duplicate', 7), exception('outgoing', -9), exception('duplicate', -2)])).toEqual({
      lines: 5,
      matched: 1,
      byKind: { exact: 0, multi_invoice: 0, underpayment: 0, overpayment: 1 },
      incomingAmountMinor: 112,
      matchedAmountMinor: 70,
      creditMinor: 30,
      exceptions: { unknown_reference: 1, ambiguous: 0, duplicate: 2, outgoing: 1, zero_amount: 0 },
      exceptionAmountMinor: 5,
      duplicateAmountMinor: 7,
      outgoingAmountMinor: -9,
    });
  });

  it('refuses an outcome whose allocation and credit do not add up to its amount', () => {
    expect(() => summarize([matched(100, 70, 20)])).toThrow(MatchInvariantError);
  });
});
