import { DEFAULT_POLICY_DOCUMENT, defaultDunningPolicy } from '../../../../domain/dunning/default-policy';

describe('defaultDunningPolicy', () => {
  it('is the remind → warn → throttle → block ladder', () => {
    const rungs = defaultDunningPolicy().states.map((s) => [
      s.name,
      s.conditions.daysPastDue,
      s.conditions.minOverdueMinor,
      s.actions.network,
      s.actions.notify?.template,
      s.actions.notify?.channels,
    ]);
    expect(rungs).toEqual([
      ['reminder_before_due', -3, 0, 'none', 'reminder_before_due', ['email']],
      ['due_today', 0, 0, 'none', 'due_today', ['email', 'sms']],
      ['overdue_reminder', 3, 0, 'none', 'overdue_reminder', ['sms']],
      ['throttled', 10, 5_000, 'throttle', 'throttle_warning', ['email', 'sms']],
      ['blocked', 14, 5_000, 'block', 'blocked_notice', ['email', 'sms']],
    ]);
  });

  it('exempts vip and enforcement-off customers from throttle and block only', () => {
    const skips = defaultDunningPolicy().states.map((s) => s.conditions.skipIfTags ?? []);
    expect(skips).toEqual([[], [], [], ['vip', 'enforcement-off'], ['vip', 'enforcement-off']]);
  });

  it('runs in Dhaka, enforces Sunday–Thursday 09:00–17:00 and keeps SMS quiet 21:00–08:00', () => {
    const policy = defaultDunningPolicy();
    expect(policy.timezone).toBe('Asia/Dhaka');
    expect(policy.graceDays).toBe(0);
    expect(policy.calendar).toEqual({
      enforcementDays: [7, 1, 2, 3, 4],
      enforcementHours: { from: '09:00', to: '17:00' },
      holidays: [],
      smsQuietHours: { from: '21:00', to: '08:00' },
    });
    expect(policy.restore.when).toBe('below_threshold');
  });

  it('hands out independent copies', () => {
    const first = defaultDunningPolicy();
    first.states[3].conditions.minOverdueMinor = 1;
    first.calendar.holidays.push('2026-12-16');
    expect(defaultDunningPolicy().states[3].conditions.minOverdueMinor).toBe(5_000);
    expect(defaultDunningPolicy().calendar.holidays).toEqual([]);
    expect(DEFAULT_POLICY_DOCUMENT.calendar.holidays).toEqual([]);
  });
});
