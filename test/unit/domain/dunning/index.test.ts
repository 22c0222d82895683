import * as dunning from '../../../../domain/dunning';

describe('dunning public API', () => {
  it('exports the functions the workflow needs', () => {
    for (const name of [
      'parsePolicy',
      'defaultDunningPolicy',
      'evaluateDunning',
      'shouldRestore',
      'nextAllowedEnforcementAt',
      'nextAllowedSmsAt',
      'networkSeverity',
      'localMidnight',
    ] as const) {
      expect(typeof dunning[name]).toBe('function');
    }
  });

  it('wires the pieces together: the default policy blocks on day 14, but only in business hours', () => {
    const policy = dunning.parsePolicy(JSON.stringify(dunning.DEFAULT_POLICY_DOCUMENT));
    const now = new Date('2026-12-19T06:00:00Z'); // Saturday noon in Dhaka
    const facts = { oldestUnpaidDueDate: '2026-12-05', overdueMinor: 120_000, unpaidInvoices: 1, tags: [], promiseToPayUntil: null, pausedUntil: null };
    expect(dunning.evaluateDunning(policy, facts, now).network).toBe('block');
    // Bangladesh's weekend is Friday–Saturday: the block waits for Sunday 09:00 Dhaka, not Monday.
    expect(dunning.nextAllowedEnforcementAt(policy.calendar, policy.timezone, now).toISOString()).toBe('2026-12-20T03:00:00.000Z');
    expect(new dunning.PolicyValidationError([{ path: 'graceDays', message: 'must be ≥ 0' }]).issues).toHaveLength(1);
  });
});
