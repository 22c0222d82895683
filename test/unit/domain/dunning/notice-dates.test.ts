import { defaultDunningPolicy } from '../../../../domain/dunning/default-policy';
import { evaluateDunning } from '../../../../domain/dunning/evaluate';
import { noticeContradiction } from '../../../../domain/dunning/notice-dates';

describe('noticeContradiction', () => {
  it('allows a before-due reminder only before the due date', () => {
    expect(noticeContradiction('reminder_before_due', '2026-12-10', '2026-12-07')).toBeNull();
    expect(noticeContradiction('reminder_before_due', '2026-12-10', '2026-12-10')).toBe('the invoice is due today (2026-12-10)');
    expect(noticeContradiction('reminder_before_due', '2026-12-10', '2026-12-12')).toBe('the invoice was due 2026-12-10');
  });

  it('allows "due today" only on the due date and "overdue" only after it', () => {
    expect(noticeContradiction('due_today', '2026-12-10', '2026-12-10')).toBeNull();
    expect(noticeContradiction('due_today', '2026-12-10', '2026-12-11')).toBe('the invoice was due 2026-12-10, not today');
    expect(noticeContradiction('due_today', '2026-12-10', '2026-12-09')).toBe('the invoice is due 2026-12-10, not today');
    expect(noticeContradiction('overdue_reminder', '2026-12-10', '2026-12-10')).toMatch(/not overdue/);
    expect(noticeContradiction('overdue_reminder', '2026-12-10', '2026-12-11')).toBeNull();
    expect(noticeContradiction('blocked_notice', '2026-12-10', '2026-12-01')).toBeNull();
  });
});

describe('evaluateDunning on a policy that puts a due invoice on the before-due state', () => {
  it('says the reminder is not sent, next to the days past due', () => {
    const policy = defaultDunningPolicy();
    policy.states[1].conditions.minOverdueMinor = 1_000_000;
    const facts = { oldestUnpaidDueDate: '2026-12-05', overdueMinor: 80_000, unpaidInvoices: 1, tags: [], promiseToPayUntil: null, pausedUntil: null };
    const ev = evaluateDunning(policy, facts, new Date('2026-12-06T06:00:00Z'));
    expect(ev.state).toBe('reminder_before_due');
    expect(ev.reasons[0]).toBe('oldest invoice due 2026-12-05 is 1 day past due');
    expect(ev.reasons).toContain('reminder_before_due is not sent: the invoice was due 2026-12-05');
  });
});
