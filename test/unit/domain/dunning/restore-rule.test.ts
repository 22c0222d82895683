import { defaultDunningPolicy } from '../../../../domain/dunning/default-policy';
import type { Policy } from '../../../../domain/dunning/policy-schema';
import { heldNetwork, shouldRestore } from '../../../../domain/dunning/restore-rule';
import type { DunningFacts } from '../../../../domain/dunning/state-conditions';

function facts(overrides: Partial<DunningFacts> = {}): DunningFacts {
  return { oldestUnpaidDueDate: '2026-12-05', overdueMinor: 120_000, unpaidInvoices: 1, tags: [], promiseToPayUntil: null, pausedUntil: null, ...overrides };
}

function fullyPaidPolicy(): Policy {
  const policy = defaultDunningPolicy();
  policy.restore.when = 'fully_paid';
  return policy;
}

describe('shouldRestore', () => {
  it('restores once nothing is owed, in both modes', () => {
    expect(shouldRestore(defaultDunningPolicy(), facts({ overdueMinor: 0 }))).toBe(true);
    expect(shouldRestore(fullyPaidPolicy(), facts({ overdueMinor: 0 }))).toBe(true);
  });

  it('below_threshold: restores when the balance drops under every restricting state', () => {
    expect(shouldRestore(defaultDunningPolicy(), facts({ overdueMinor: 4_999 }))).toBe(true);
    expect(shouldRestore(defaultDunningPolicy(), facts({ overdueMinor: 5_000 }))).toBe(false);
  });

  it('fully_paid: a partial payment is not enough', () => {
    expect(shouldRestore(fullyPaidPolicy(), facts({ overdueMinor: 1 }))).toBe(false);
  });

  it('restores a customer tagged to skip every restricting state, in both modes', () => {
    expect(shouldRestore(defaultDunningPolicy(), facts({ tags: ['vip'] }))).toBe(true);
    expect(shouldRestore(fullyPaidPolicy(), facts({ tags: ['enforcement-off'] }))).toBe(true);
  });
});

describe('heldNetwork', () => {
  it('holds the applied restriction under fully_paid while anything is owed', () => {
    expect(heldNetwork(fullyPaidPolicy(), facts({ overdueMinor: 100, enforcedNetwork: 'block' }))).toBe('block');
    expect(heldNetwork(fullyPaidPolicy(), facts({ overdueMinor: 100, enforcedNetwork: 'throttle' }))).toBe('throttle');
    expect(heldNetwork(fullyPaidPolicy(), facts({ overdueMinor: 0, enforcedNetwork: 'block' }))).toBe('none');
  });

  it('holds nothing under below_threshold or when nothing is applied', () => {
    expect(heldNetwork(defaultDunningPolicy(), facts({ overdueMinor: 100, enforcedNetwork: 'block' }))).toBe('none');
    expect(heldNetwork(fullyPaidPolicy(), facts({ overdueMinor: 100 }))).toBe('none');
  });

  it('never holds more than a state not skipped by the tags could impose', () => {
    const policy = fullyPaidPolicy();
    policy.states[4].conditions.skipIfTags = ['no-block'];
    policy.states[3].conditions.skipIfTags = [];
    expect(heldNetwork(policy, facts({ overdueMinor: 100, tags: ['no-block'], enforcedNetwork: 'block' }))).toBe('throttle');
  });
});
