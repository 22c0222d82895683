// Property-style check of the matcher: random open invoices and random statements, from a
// seeded generator so every run (and every failure) is reproducible by its seed.
import { matchStatementLines } from '../../../../domain/statements/matcher';
import { EXCEPTION_REASONS, LineOutcome, MatchCandidate, MatchResult } from '../../../../domain/statements/match-types';
import { StatementLine } from '../../../../domain/statements/statement-line';

/** mulberry32: tiny, fast, good enough to drive test data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Gen {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const ACCOUNTS = ['19-2000145399/0800', 'CZ6508000000192000145399', '2801234567/2010', 'CZ1120100000002801234567', '01711000001', '1781009988776', 'DE89370400440532013000'];
const AMOUNTS = [39900, 49900, 59900, 69900, 120000, 150000];

function generateCustomers(g: Gen): MatchCandidate[] {
  const count = g.int(1, 12);
  let invoiceNo = 0;
  return Array.from({ length: count }, (_, i) => {
    const openInvoices = Array.from({ length: g.int(0, 4) }, () => {
      invoiceNo++;
      return {
        id: `I-${invoiceNo}`,
        number: `2026-${String(invoiceNo).padStart(6, '0')}`,
        dueDate: `2026-0${g.int(1, 3)}-${String(g.int(1, 28)).padStart(2, '0')}`,
        outstandingMinor: g.chance(0.1) ? 0 : g.chance(0.6) ? g.pick(AMOUNTS) : g.int(1, 200_000),
      };
    });
    const sum = openInvoices.reduce((s, inv) => s + inv.outstandingMinor, 0);
    return {
      customerId: `C-${i + 1}`,
      paymentReference: g.chance(0.1) ? undefined : String(g.chance(0.1) ? 100 + g.int(1, count) : 100 + i + 1),
      knownCounterAccounts: g.chance(0.4) ? [g.pick(ACCOUNTS)] : [],
      openInvoices,
      totalDueMinor: g.chance(0.8) ? sum : Math.max(0, sum - g.int(0, 10_000)),
    };
  });
}

function generateLines(g: Gen, customers: readonly MatchCandidate[], seed: number): { lines: StatementLine[]; known: Set<string> } {
  const lines: StatementLine[] = [];
  const known = new Set<string>();
  const count = g.int(1, 40);
  for (let n = 1; n <= count; n++) {
    const who = g.pick(customers);
    const invoice = who.openInvoices.length > 0 ? g.pick(who.openInvoices) : undefined;
    const line: StatementLine = { lineNo: n, bookingDate: '2026-02-02', amountMinor: g.int(1, 150_000), currency: 'CZK', identity: `L-${seed}-${n}` };
    switch (g.int(0, 11)) {
      case 0:
        Object.assign(line, { variableSymbol: who.paymentReference, amountMinor: invoice?.outstandingMinor || 100 });
        break;
      case 1:
        Object.assign(line, { variableSymbol: who.paymentReference });
        break;
      case 2:
        Object.assign(line, { variableSymbol: who.paymentReference, amountMinor: who.totalDueMinor || 1 });
        break;
      case 3:
        Object.assign(line, { message: `faktura ${invoice?.number ?? '2026-999999'}`, amountMinor: invoice?.outstandingMinor || 7 });
        break;
      case 4:
        Object.assign(line, { message: `VS: ${who.paymentReference ?? 1} díky` });
        break;
      case 5:
        Object.assign(line, { counterAccount: g.pick(ACCOUNTS) });
        break;
      case 6:
        Object.assign(line, { variableSymbol: '999999' });
        break;
      case 7:
        Object.assign(line, { amountMinor: -g.int(1, 50_000), variableSymbol: who.paymentReference });
        break;
      case 8:
        Object.assign(line, { amountMinor: 0 });
        break;
      case 9:
        if (lines.length > 0) Object.assign(line, { ...g.pick(lines), lineNo: n });
        break;
      case 10:
        known.add(line.identity);
        Object.assign(line, { variableSymbol: who.paymentReference });
        break;
      default: {
        const two = who.openInvoices.slice(0, 2);
        Object.assign(line, { variableSymbol: who.paymentReference, message: two.map((i) => i.number).join(' + '), amountMinor: two.reduce((s, i) => s + i.outstandingMinor, 0) || 3 });
      }
    }
    lines.push(line);
  }
  return { lines, known };
}

function checkRun(customers: MatchCandidate[], lines: StatementLine[], known: Set<string>, result: MatchResult): void {
  const { outcomes, summary } = result;
  expect(outcomes.map((o) => [o.lineNo, o.identity, o.amountMinor])).toEqual(lines.map((l) => [l.lineNo, l.identity, l.amountMinor]));

  const owner = new Map(customers.flatMap((c) => c.openInvoices.map((i) => [i.id, c.customerId] as const)));
  const outstanding = new Map(customers.flatMap((c) => c.openInvoices.map((i) => [i.id, i.outstandingMinor] as const)));
  const seen = new Set<string>();
  const sums = { incoming: 0, allocated: 0, credit: 0, exception: 0, duplicate: 0, outgoing: 0 };

  outcomes.forEach((outcome: LineOutcome, i) => {
    const line = lines[i];
    const duplicate = known.has(line.identity) || seen.has(line.identity);
    seen.add(line.identity);
    const incoming = Math.max(0, line.amountMinor);
    sums.incoming += incoming;
    if (outcome.kind === 'exception') {
      expect(EXCEPTION_REASONS).toContain(outcome.reason);
      expect('allocations' in outcome).toBe(false);
      const expectedReason = duplicate ? 'duplicate' : line.amountMinor < 0 ? 'outgoing' : line.amountMinor === 0 ? 'zero_amount' : undefined;
      if (expectedReason) expect(outcome.reason).toBe(expectedReason);
      else expect(['unknown_reference', 'ambiguous']).toContain(outcome.reason);
      if (outcome.reason === 'ambiguous') expect(outcome.candidateCustomerIds.length).toBeGreaterThan(1);
      if (outcome.reason === 'unknown_reference') expect(outcome.candidateCustomerIds).toEqual([]);
      if (outcome.reason === 'duplicate') sums.duplicate += incoming;
      else if (outcome.reason === 'outgoing') sums.outgoing += line.amountMinor;
      else sums.exception += incoming;
      return;
    }
    expect(['exact', 'multi_invoice', 'underpayment', 'overpayment']).toContain(outcome.kind);
    expect('reason' in outcome).toBe(false);
    expect(duplicate).toBe(false);
    expect(line.amountMinor).toBeGreaterThan(0);
    const applied = outcome.allocations.reduce((s, a) => s + a.appliedMinor, 0);
    expect(applied).toBe(outcome.allocatedMinor);
    expect(outcome.allocatedMinor + outcome.creditMinor).toBe(line.amountMinor);
    for (const allocation of outcome.allocations) {
      expect(owner.get(allocation.invoiceId)).toBe(outcome.customerId);
      expect(allocation.appliedMinor).toBeGreaterThan(0);
      const after = (outstanding.get(allocation.invoiceId) ?? 0) - allocation.appliedMinor;
      expect(after).toBeGreaterThanOrEqual(0);
      expect(allocation.outstandingAfterMinor).toBe(after);
      outstanding.set(allocation.invoiceId, after);
    }
    const open = customers.find((c) => c.customerId === outcome.customerId)!.openInvoices.reduce((s, inv) => s + (outstanding.get(inv.id) ?? 0), 0);
    expect(outcome.openAfterMinor).toBe(open);
    if (outcome.kind === 'multi_invoice') {
      expect(outcome.allocations.length).toBeGreaterThan(1);
      expect(outcome.allocations.every((a) => a.outstandingAfterMinor === 0)).toBe(true);
    }
    if (outcome.kind === 'multi_invoice' || outcome.kind === 'underpayment') expect(outcome.creditMinor).toBe(0);
    if (outcome.kind === 'underpayment') expect(open).toBeGreaterThan(0);
    if (outcome.kind === 'overpayment') expect(outcome.creditMinor).toBeGreaterThan(0);
    sums.allocated += outcome.allocatedMinor;
    sums.credit += outcome.creditMinor;
  });

  expect(sums.incoming).toBe(sums.allocated + sums.credit + sums.exception + sums.duplicate);
  expect(summary).toMatchObject({
    lines: lines.length,
    incomingAmountMinor: sums.incoming,
    matchedAmountMinor: sums.allocated,
    creditMinor: sums.credit,
    exceptionAmountMinor: sums.exception,
    duplicateAmountMinor: sums.duplicate,
    outgoingAmountMinor: sums.outgoing,
  });
  const counted = summary.matched + Object.values(summary.exceptions).reduce((a, b) => a + b, 0);
  expect(counted).toBe(lines.length);
}

describe('matchStatementLines properties (seeded)', () => {
  const kinds = new Map<string, number>();

  it.each(Array.from({ length: 400 }, (_, i) => i + 1))('seed %i: one outcome per line, money conserved, invoices never overpaid', (seed) => {
    const g = new Gen(seededRandom(seed));
    const customers = generateCustomers(g);
    const { lines, known } = generateLines(g, customers, seed);
    const before = JSON.stringify(customers);
    const result = matchStatementLines(lines, customers, { knownIdentities: known });
    checkRun(customers, lines, known, result);
    expect(JSON.stringify(customers)).toBe(before);
    expect(matchStatementLines(lines, customers, { knownIdentities: known })).toEqual(result);
    for (const o of result.outcomes) {
      const key = o.kind === 'exception' ? o.reason : o.kind;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
  });

  it('exercised every outcome', () => {
    expect([...kinds.keys()].sort()).toEqual(
      ['ambiguous', 'duplicate', 'exact', 'multi_invoice', 'outgoing', 'overpayment', 'underpayment', 'unknown_reference', 'zero_amount'].sort(),
    );
  });
});
