import { defaultDunningPolicy } from '../../../../domain/dunning/default-policy';
import { actsNow, evaluateDunning } from '../../../../domain/dunning/evaluate';
import type { Policy } from '../../../../domain/dunning/policy-schema';
import type { DunningFacts } from '../../../../domain/dunning/state-conditions';

const DUE = '2026-12-05';

function facts(overrides: Partial<DunningFacts> = {}): DunningFacts {
  return {
    oldestUnpaidDueDate: DUE,
    overdueMinor: 120_000,
    unpaidInvoices: 1,
    tags: [],
    promiseToPayUntil: null,
    pausedUntil: null,
    ...overrides,
  };
}

function noonDhaka(date: string): Date { // Dhaka is UTC+6 all year
  return new Date(`${date}T06:00:00Z`);
}

/** Dhaka local midnight of `date`, as a UTC instant. */
function dhakaMidnight(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - 6 * 3_600_000).toISOString();
}

function policyWith(change: (p: Policy) => void): Policy {
  const policy = defaultDunningPolicy();
  change(policy);
  return policy;
}

describe('evaluateDunning with the default ladder', () => {
  // [local date, daysPastDue, state, network, template, channels, next state, next state's first day]
  const ladder: [string, number, string, string, string | null, string[], string | null, string | null][] = [
    ['2026-12-01', -4, 'current', 'none', null, [], 'reminder_before_due', '2026-12-02'],
    ['2026-12-02', -3, 'reminder_before_due', 'none', 'reminder_before_due', ['email'], 'due_today', '2026-12-05'],
    ['2026-12-03', -2, 'reminder_before_due', 'none', 'reminder_before_due', ['email'], 'due_today', '2026-12-05'],
    ['2026-12-04', -1, 'reminder_before_due', 'none', 'reminder_before_due', ['email'], 'due_today', '2026-12-05'],
    ['2026-12-05', 0, 'due_today', 'none', 'due_today', ['email', 'sms'], 'overdue_reminder', '2026-12-08'],
    ['2026-12-06', 1, 'due_today', 'none', 'due_today', ['email', 'sms'], 'overdue_reminder', '2026-12-08'],
    ['2026-12-07', 2, 'due_today', 'none', 'due_today', ['email', 'sms'], 'overdue_reminder', '2026-12-08'],
    ['2026-12-08', 3, 'overdue_reminder', 'none', 'overdue_reminder', ['sms'], 'throttled', '2026-12-15'],
    ['2026-12-11', 6, 'overdue_reminder', 'none', 'overdue_reminder', ['sms'], 'throttled', '2026-12-15'],
    ['2026-12-14', 9, 'overdue_reminder', 'none', 'overdue_reminder', ['sms'], 'throttled', '2026-12-15'],
    ['2026-12-15', 10, 'throttled', 'throttle', 'throttle_warning', ['email', 'sms'], 'blocked', '2026-12-19'],
    ['2026-12-18', 13, 'throttled', 'throttle', 'throttle_warning', ['email', 'sms'], 'blocked', '2026-12-19'],
    ['2026-12-19', 14, 'blocked', 'block', 'blocked_notice', ['email', 'sms'], null, null],
    ['2027-01-20', 46, 'blocked', 'block', 'blocked_notice', ['email', 'sms'], null, null],
  ];

  it.each(ladder)('on %s (day %i) is %s', (date, days, state, network, template, channels, nextState, nextDay) => {
    const result = evaluateDunning(defaultDunningPolicy(), facts(), noonDhaka(date));
    expect(result.daysPastDue).toBe(days);
    expect(result.state).toBe(state);
    expect(result.network).toBe(network);
    expect(result.dueActions).toEqual(template === null ? [] : [{ template, channels }]);
    expect(result.nextThreshold).toEqual(nextState === null ? null : { state: nextState, at: new Date(dhakaMidnight(nextDay!)) });
    expect(result.suppressedUntil).toBeNull();
  });

  it('reports stateIndex into policy.states, -1 before the first state', () => {
    expect(evaluateDunning(defaultDunningPolicy(), facts(), noonDhaka('2026-12-01')).stateIndex).toBe(-1);
    expect(evaluateDunning(defaultDunningPolicy(), facts(), noonDhaka('2026-12-19')).stateIndex).toBe(4);
  });

  it('counts days in the policy time zone, not UTC', () => {
    const policy = defaultDunningPolicy();
    expect(evaluateDunning(policy, facts(), new Date('2026-12-04T17:59:59Z')).state).toBe('reminder_before_due');
    expect(evaluateDunning(policy, facts(), new Date('2026-12-04T18:00:00Z')).state).toBe('due_today');
  });

  it('explains the decision', () => {
    expect(evaluateDunning(defaultDunningPolicy(), facts(), noonDhaka('2026-12-19')).reasons).toEqual([
      'oldest invoice due 2026-12-05 is 14 days past due',
      'overdue 1200.00 ≥ 50.00',
      "state 'blocked'",
    ]);
    expect(evaluateDunning(defaultDunningPolicy(), facts(), noonDhaka('2026-12-04')).reasons[0]).toBe(
      'oldest invoice due 2026-12-05 is 1 day before due',
    );
  });
});

describe('evaluateDunning after payments', () => {
  it('returns to paid with no enforcement once nothing is owed', () => {
    for (const overdueMinor of [0, -500]) {
      const result = evaluateDunning(defaultDunningPolicy(), facts({ overdueMinor }), noonDhaka('2026-12-19'));
      expect(result).toMatchObject({ state: 'paid', stateIndex: -1, network: 'none', dueActions: [], nextThreshold: null });
    }
  });

  it('drops throttle/block when a partial payment leaves less than the threshold', () => {
    const result = evaluateDunning(defaultDunningPolicy(), facts({ overdueMinor: 4_999 }), noonDhaka('2026-12-19'));
    expect(result.state).toBe('overdue_reminder');
    expect(result.network).toBe('none');
    expect(result.nextThreshold).toBeNull();
    expect(result.reasons).toContain("state 'blocked' skipped: overdue 49.99 < 50.00");
  });

  it('keeps blocking when a partial payment leaves the threshold or more', () => {
    const result = evaluateDunning(defaultDunningPolicy(), facts({ overdueMinor: 5_000 }), noonDhaka('2026-12-19'));
    expect(result.state).toBe('blocked');
    expect(result.network).toBe('block');
  });

  it('under restore "fully_paid" keeps the applied restriction until the balance is zero', () => {
    const policy = policyWith((p) => (p.restore.when = 'fully_paid'));
    const partial = facts({ overdueMinor: 1_000, enforcedNetwork: 'block' });
    const held = evaluateDunning(policy, partial, noonDhaka('2026-12-19'));
    expect(held.state).toBe('overdue_reminder');
    expect(held.network).toBe('block');
    expect(held.reasons).toContain("network stays 'block' until fully paid (restore policy 'fully_paid')");
    expect(evaluateDunning(defaultDunningPolicy(), partial, noonDhaka('2026-12-19')).network).toBe('none');
    expect(evaluateDunning(policy, { ...partial, overdueMinor: 0 }, noonDhaka('2026-12-19')).network).toBe('none');
  });
});

describe('evaluateDunning exemptions', () => {
  it.each(['vip', 'enforcement-off'])('never throttles or blocks a %s customer but still reminds them', (tag) => {
    const policy = defaultDunningPolicy();
    for (const date of ['2026-12-15', '2026-12-19', '2027-02-01']) {
      const result = evaluateDunning(policy, facts({ tags: [tag] }), noonDhaka(date));
      expect(result.state).toBe('overdue_reminder');
      expect(result.network).toBe('none');
      expect(result.dueActions).toEqual([{ channels: ['sms'], template: 'overdue_reminder' }]);
      expect(result.nextThreshold).toBeNull();
    }
    const reminder = evaluateDunning(policy, facts({ tags: [tag] }), noonDhaka('2026-12-02'));
    expect(reminder.dueActions).toEqual([{ channels: ['email'], template: 'reminder_before_due' }]);
  });

  it('suppresses enforcement and notices during a promise to pay and wakes at its expiry', () => {
    const until = new Date('2026-12-22T06:00:00Z');
    const result = evaluateDunning(defaultDunningPolicy(), facts({ promiseToPayUntil: until }), noonDhaka('2026-12-19'));
    expect(result).toMatchObject({ state: 'blocked', network: 'none', dueActions: [], suppressedUntil: until });
    expect(result.nextThreshold).toEqual({ state: 'blocked', at: until });
    expect(result.reasons).toContain('promise to pay until 2026-12-22T06:00:00.000Z: no enforcement or notifications');
  });

  it('names the state that will hold when a pause ends', () => {
    const until = new Date('2026-12-16T03:00:00Z');
    const result = evaluateDunning(defaultDunningPolicy(), facts({ pausedUntil: until }), noonDhaka('2026-12-06'));
    expect(result.nextThreshold).toEqual({ state: 'throttled', at: until });
  });

  it('waits for the later of a promise and a pause', () => {
    const promise = new Date('2026-12-20T00:00:00Z');
    const pause = new Date('2026-12-25T00:00:00Z');
    const result = evaluateDunning(defaultDunningPolicy(), facts({ promiseToPayUntil: promise, pausedUntil: pause }), noonDhaka('2026-12-19'));
    expect(result.suppressedUntil).toEqual(pause);
  });

  it('ignores a promise that has expired', () => {
    const now = noonDhaka('2026-12-19');
    const result = evaluateDunning(defaultDunningPolicy(), facts({ promiseToPayUntil: now }), now);
    expect(result.network).toBe('block');
    expect(result.suppressedUntil).toBeNull();
  });
});

describe('evaluateDunning with custom policies', () => {
  it('starts counting after the grace days', () => {
    const policy = policyWith((p) => (p.graceDays = 2));
    const result = evaluateDunning(policy, facts(), noonDhaka('2026-12-07'));
    expect(result.daysPastDue).toBe(0);
    expect(result.state).toBe('due_today');
    expect(result.nextThreshold).toEqual({ state: 'overdue_reminder', at: new Date(dhakaMidnight('2026-12-10')) });
  });

  it('requires the minimum number of unpaid invoices', () => {
    const policy = policyWith((p) => (p.states[4].conditions.minUnpaidInvoices = 2));
    expect(evaluateDunning(policy, facts({ unpaidInvoices: 1 }), noonDhaka('2026-12-19')).state).toBe('throttled');
    expect(evaluateDunning(policy, facts({ unpaidInvoices: 2 }), noonDhaka('2026-12-19')).state).toBe('blocked');
  });

  it('reports a late fee of the reached state unless suppressed', () => {
    const policy = policyWith((p) => (p.states[2].actions.lateFeeMinor = 10_000));
    expect(evaluateDunning(policy, facts(), noonDhaka('2026-12-08')).lateFeeMinor).toBe(10_000);
    expect(evaluateDunning(policy, facts(), noonDhaka('2026-12-07')).lateFeeMinor).toBeNull();
    const promised = facts({ promiseToPayUntil: new Date('2026-12-30T00:00:00Z') });
    expect(evaluateDunning(policy, promised, noonDhaka('2026-12-08')).lateFeeMinor).toBeNull();
  });
});

describe('evaluateDunning input checks', () => {
  it('treats an undated balance as current', () => {
    const result = evaluateDunning(defaultDunningPolicy(), facts({ oldestUnpaidDueDate: null }), noonDhaka('2026-12-19'));
    expect(result).toMatchObject({ state: 'current', network: 'none', nextThreshold: null });
  });

  it('rejects fractional amounts, invalid instants and malformed dates', () => {
    const policy = defaultDunningPolicy();
    expect(() => evaluateDunning(policy, facts({ overdueMinor: 10.5 }), noonDhaka(DUE))).toThrow(/whole number/);
    expect(() => evaluateDunning(policy, facts(), new Date('nope'))).toThrow(/invalid Date/);
    expect(() => evaluateDunning(policy, facts({ oldestUnpaidDueDate: '5/12/2026' }), noonDhaka(DUE))).toThrow(/YYYY-MM-DD/);
  });
});

describe('actsNow', () => {
  const policy = defaultDunningPolicy();

  it('is false for a fresh invoice not yet in reach of the ladder, and for a paid account', () => {
    expect(actsNow(evaluateDunning(policy, facts(), noonDhaka('2026-11-20')), 'none')).toBe(false);
    expect(actsNow(evaluateDunning(policy, facts({ overdueMinor: 0, unpaidInvoices: 0, oldestUnpaidDueDate: null }), noonDhaka('2026-12-19')), 'none')).toBe(false);
  });

  it('is true when a notice is due, even in a state that leaves the line alone', () => {
    expect(actsNow(evaluateDunning(policy, facts(), noonDhaka('2026-12-02')), 'none')).toBe(true);
  });

  it('is true for a late fee', () => {
    const withFee = policyWith((p) => {
      p.states[2].actions.lateFeeMinor = 10_000;
      delete p.states[2].actions.notify;
    });
    expect(actsNow(evaluateDunning(withFee, facts(), noonDhaka('2026-12-08')), 'none')).toBe(true);
  });

  it('is true when the line is to change either way, and false when it already is as evaluated', () => {
    const silentBlock = policyWith((p) => p.states.forEach((s) => delete s.actions.notify));
    const blocked = evaluateDunning(silentBlock, facts(), noonDhaka('2026-12-19'));
    expect(blocked.network).toBe('block');
    expect(actsNow(blocked, 'none')).toBe(true);
    expect(actsNow(blocked, 'block')).toBe(false);
    const paid = evaluateDunning(silentBlock, facts({ overdueMinor: 0, unpaidInvoices: 0, oldestUnpaidDueDate: null }), noonDhaka('2026-12-19'));
    expect(actsNow(paid, 'block')).toBe(true);
  });

  it('is false while a promise to pay suppresses the ladder', () => {
    const promised = facts({ promiseToPayUntil: new Date('2026-12-30T00:00:00Z') });
    expect(actsNow(evaluateDunning(policy, promised, noonDhaka('2026-12-19')), 'none')).toBe(false);
  });
});
