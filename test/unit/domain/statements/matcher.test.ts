import { matchStatementLines } from '../../../../domain/statements/matcher';
import { MatchCandidate, MatchInputError } from '../../../../domain/statements/match-types';
import { StatementLine } from '../../../../domain/statements/statement-line';
import { candidates, expectation, MATCHED_FIXTURES, parseFixture } from './fixture-files';

describe.each(MATCHED_FIXTURES)('matchStatementLines on fixture %s', (name) => {
  const expected = expectation(name);
  const { lines } = parseFixture(expected);
  const result = matchStatementLines(lines, candidates(expected.candidates!), { knownIdentities: new Set(expected.knownIdentities) });

  it.each(expected.outcomes!.map((outcome) => [outcome.lineNo as number, outcome.kind as string, outcome] as const))(
    'line %i ends as %s',
    (lineNo, _kind, outcome) => {
      const actual = result.outcomes.find((o) => o.lineNo === lineNo);
      expect(actual).toMatchObject(outcome);
      expect(actual?.identity).toBe(lines.find((l) => l.lineNo === lineNo)?.identity);
      if (actual?.kind === 'exception') expect(actual.detail).not.toBe('');
    },
  );

  it('gives every line exactly one outcome, in statement order', () => {
    expect(result.outcomes.map((o) => o.lineNo)).toEqual(lines.map((l) => l.lineNo));
    expect(result.outcomes).toHaveLength(expected.outcomes!.length);
  });

  it('sums up as expected', () => {
    expect(result.summary).toEqual(expected.summary);
  });

  it('does not change its inputs', () => {
    const fresh = candidates(expected.candidates!);
    const input = candidates(expected.candidates!);
    matchStatementLines(lines, input, { knownIdentities: new Set(expected.knownIdentities) });
    expect(input).toEqual(fresh);
  });
});

const customer = (overrides: Partial<MatchCandidate> & { customerId: string }): MatchCandidate => ({
  paymentReference: undefined,
  openInvoices: [],
  totalDueMinor: 0,
  ...overrides,
});

let nextLineNo = 1;
const line = (overrides: Partial<StatementLine>): StatementLine => {
  const lineNo = nextLineNo++;
  return { lineNo, bookingDate: '2026-02-02', amountMinor: 10000, currency: 'CZK', identity: `id-${lineNo}`, ...overrides };
};

describe('matchStatementLines', () => {
  const rahim = customer({
    customerId: 'C-1',
    paymentReference: '0000501',
    knownCounterAccounts: ['01711000001'],
    openInvoices: [
      { id: 'i-2', number: '2026-000002', dueDate: '2026-02-10', outstandingMinor: 10000 },
      { id: 'i-1', number: '2026-000001', dueDate: '2026-01-10', outstandingMinor: 10000 },
    ],
    totalDueMinor: 20000,
  });

  it('pays the oldest of equal invoices first and the next payment the next one', () => {
    const { outcomes } = matchStatementLines([line({ variableSymbol: '501' }), line({ variableSymbol: '501' })], [rahim]);
    expect(outcomes.map((o) => o.kind === 'exact' && o.allocations.map((a) => a.invoiceId))).toEqual([['i-1'], ['i-2']]);
  });

  it('matches the total due exactly across invoices', () => {
    const [outcome] = matchStatementLines([line({ variableSymbol: '501', amountMinor: 20000 })], [{ ...rahim, totalDueMinor: 20000 }]).outcomes;
    expect(outcome).toMatchObject({ kind: 'exact', allocatedMinor: 20000, creditMinor: 0, openAfterMinor: 0 });
  });

  it('treats paying the total due after a credit note as exact, keeping the rest open', () => {
    const [outcome] = matchStatementLines([line({ variableSymbol: '501', amountMinor: 15000 })], [{ ...rahim, totalDueMinor: 15000 }]).outcomes;
    expect(outcome).toMatchObject({ kind: 'exact', allocatedMinor: 15000, openAfterMinor: 5000 });
  });

  it('finds the VS written in the message and flags it when it contradicts the VS field', () => {
    const other = customer({ customerId: 'C-2', paymentReference: '502' });
    const [byMessage, contradicting] = matchStatementLines(
      [line({ message: 'platba VS:501' }), line({ variableSymbol: '502', message: 'VS 501' })],
      [rahim, other],
    ).outcomes;
    expect(byMessage).toMatchObject({ kind: 'exact', matchedBy: 'message_reference' });
    expect(contradicting).toMatchObject({ kind: 'exception', reason: 'ambiguous', candidateCustomerIds: ['C-1', 'C-2'] });
  });

  it('uses the remembered account only when the payer gave no known reference', () => {
    const [unknownVs, knownVs] = matchStatementLines(
      [line({ variableSymbol: '999', counterAccount: '01711 000001' }), line({ variableSymbol: '999' })],
      [rahim],
    ).outcomes;
    expect(unknownVs).toMatchObject({ kind: 'exact', matchedBy: 'counter_account', customerId: 'C-1' });
    expect(knownVs).toMatchObject({ kind: 'exception', reason: 'unknown_reference', detail: 'VS 999 → nobody' });
  });

  it('says an outgoing line is money going out, naming a customer the clues point at (a refund)', () => {
    const [fee, refund] = matchStatementLines([line({ amountMinor: -3500, message: 'poplatek' }), line({ amountMinor: -10000, variableSymbol: '501' })], [rahim]).outcomes;
    expect(fee).toMatchObject({ reason: 'outgoing', detail: 'money going out (a fee, a refund or a transfer)' });
    expect(refund).toMatchObject({ reason: 'outgoing', candidateCustomerIds: ['C-1'], detail: 'money going out; VS 501 → C-1' });
  });

  it('flags a reference shared by two customers as ambiguous', () => {
    const twin = customer({ customerId: 'C-9', paymentReference: '501' });
    expect(matchStatementLines([line({ variableSymbol: '501' })], [rahim, twin]).outcomes[0]).toMatchObject({ reason: 'ambiguous', candidateCustomerIds: ['C-1', 'C-9'] });
  });

  it('checks duplicates before anything else and reports zero amounts', () => {
    const repeated = line({ variableSymbol: '501', identity: 'same' });
    const { outcomes, summary } = matchStatementLines(
      [repeated, { ...repeated, lineNo: 99 }, line({ identity: 'old', amountMinor: -5 }), line({ amountMinor: 0, variableSymbol: '501' })],
      [rahim],
      { knownIdentities: new Set(['old']) },
    );
    expect(outcomes.map((o) => (o.kind === 'exception' ? [o.reason, o.detail] : o.kind))).toEqual([
      'exact',
      ['duplicate', `same line as line ${repeated.lineNo} of this statement`],
      ['duplicate', 'imported before'],
      ['zero_amount', 'VS 501 → C-1'],
    ]);
    expect(summary).toMatchObject({ incomingAmountMinor: 20000, matchedAmountMinor: 10000, duplicateAmountMinor: 10000, outgoingAmountMinor: 0 });
  });

  it('rejects inconsistent inputs', () => {
    expect(() => matchStatementLines([line({}), line({ currency: 'EUR' })], [])).toThrow(MatchInputError);
    expect(() => matchStatementLines([], [rahim, rahim])).toThrow("customer 'C-1' is listed twice");
    expect(() => matchStatementLines([], [rahim, { ...rahim, customerId: 'C-2' }])).toThrow("invoice 'i-2' is listed twice");
    const negative = customer({ customerId: 'C-3', openInvoices: [{ id: 'x', number: 'x', dueDate: '2026-01-01', outstandingMinor: -1 }] });
    expect(() => matchStatementLines([], [negative])).toThrow("invoice 'x' has a negative outstanding amount");
    expect(() => matchStatementLines([line({ amountMinor: 0.5 })], [])).toThrow('whole number of minor units');
  });
});
