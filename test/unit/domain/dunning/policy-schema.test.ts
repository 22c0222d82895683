import { DEFAULT_POLICY_DOCUMENT } from '../../../../domain/dunning/default-policy';
import {
  KNOWN_TEMPLATES,
  parsePolicy,
  PolicyValidationError,
  type PolicyIssue,
} from '../../../../domain/dunning/policy-schema';

/** A deep copy of the default document, edited by `change`. */
function documentWith(change: (doc: any) => void): any {
  const doc = JSON.parse(JSON.stringify(DEFAULT_POLICY_DOCUMENT));
  change(doc);
  return doc;
}

function issuesOf(doc: unknown): PolicyIssue[] {
  try {
    parsePolicy(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyValidationError);
    return (e as PolicyValidationError).issues;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('accepts the default document and fills defaults', () => {
    const policy = parsePolicy(documentWith((d) => {
      delete d.graceDays;
      delete d.states[0].actions.network;
    }));
    expect(policy.graceDays).toBe(0);
    expect(policy.states[0].actions.network).toBe('none');
    expect(policy.states.map((s) => s.name)).toEqual(['reminder_before_due', 'due_today', 'overdue_reminder', 'throttled', 'blocked']);
  });

  it('accepts JSON text as well as an object', () => {
    expect(parsePolicy(JSON.stringify(DEFAULT_POLICY_DOCUMENT)).timezone).toBe('Asia/Dhaka');
    expect(issuesOf('{"timezone": ')).toEqual([{ path: '(root)', message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('lists the known templates', () => {
    expect(KNOWN_TEMPLATES).toEqual(expect.arrayContaining(['reminder_before_due', 'due_today', 'overdue_reminder', 'throttle_warning', 'blocked_notice']));
  });

  it('rejects negative grace days', () => {
    expect(issuesOf(documentWith((d) => (d.graceDays = -1)))).toEqual([{ path: 'graceDays', message: 'must be ≥ 0' }]);
  });

  it('rejects a daysPastDue earlier than 30 days before due, and fractional days', () => {
    expect(issuesOf(documentWith((d) => (d.states[0].conditions.daysPastDue = -31)))).toEqual([
      { path: 'states[0].conditions.daysPastDue', message: expect.stringContaining('≥ -30') },
    ]);
    expect(issuesOf(documentWith((d) => (d.states[1].conditions.daysPastDue = 0.5)))).toEqual([
      { path: 'states[1].conditions.daysPastDue', message: 'must be a whole number of days' },
    ]);
  });

  it('rejects an unknown template and names the known ones', () => {
    const [issue, ...rest] = issuesOf(documentWith((d) => (d.states[2].actions.notify.template = 'final_demand')));
    expect(rest).toEqual([]);
    expect(issue.path).toBe('states[2].actions.notify.template');
    expect(issue.message).toMatch(/unknown template "final_demand"; known templates: reminder_before_due, due_today/);
  });

  it('rejects states out of order', () => {
    const issues = issuesOf(documentWith((d) => (d.states[4].conditions.daysPastDue = 10)));
    expect(issues).toEqual([
      {
        path: 'states[4].conditions.daysPastDue',
        message: 'must be greater than 10 of the previous state "throttled"; list states from earliest to latest',
      },
    ]);
  });

  it('rejects a state whose network action is less severe than the one before', () => {
    const issues = issuesOf(documentWith((d) => (d.states[4].actions.network = 'none')));
    expect(issues).toEqual([
      {
        path: 'states[4].actions.network',
        message: expect.stringContaining('"none" is less severe than "throttle" of the previous state "throttled"'),
      },
    ]);
  });

  it('rejects duplicate and reserved state names', () => {
    expect(issuesOf(documentWith((d) => (d.states[3].name = 'due_today')))).toEqual([
      { path: 'states[3].name', message: 'duplicate state name "due_today" (also states[1])' },
    ]);
    expect(issuesOf(documentWith((d) => (d.states[0].name = 'paid')))[0]).toEqual({
      path: 'states[0].name',
      message: '"paid" is reserved for customers in no dunning state',
    });
    expect(issuesOf(documentWith((d) => (d.states[0].name = 'Due Today')))[0].message).toMatch(/slug/);
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf(documentWith((d) => (d.timezone = 'Asia/Dacca_Typo')))).toEqual([
      { path: 'timezone', message: 'unknown IANA time zone "Asia/Dacca_Typo" (e.g. "Asia/Dhaka")' },
    ]);
  });

  it('rejects invalid times, weekdays and holidays in the calendar', () => {
    const issues = issuesOf(documentWith((d) => {
      d.calendar.enforcementHours.from = '9:00';
      d.calendar.smsQuietHours.to = '24:00';
      d.calendar.enforcementDays = [0, 1];
      d.calendar.holidays = ['2026-02-30'];
    }));
    expect(issues.map((i) => i.path).sort()).toEqual([
      'calendar.enforcementDays[0]',
      'calendar.enforcementHours.from',
      'calendar.holidays[0]',
      'calendar.smsQuietHours.to',
    ]);
    expect(issues.find((i) => i.path === 'calendar.enforcementHours.from')?.message).toBe('must be a time HH:MM (00:00–23:59), got "9:00"');
  });

  it('rejects enforcement hours that wrap midnight but allows wrapping quiet hours', () => {
    expect(issuesOf(documentWith((d) => (d.calendar.enforcementHours = { from: '17:00', to: '09:00' })))).toEqual([
      { path: 'calendar.enforcementHours.to', message: expect.stringContaining('cannot wrap midnight') },
    ]);
    expect(() => parsePolicy(documentWith((d) => (d.calendar.smsQuietHours = { from: '22:00', to: '07:00' })))).not.toThrow();
  });

  it('rejects bad amounts, channels and unknown keys', () => {
    const issues = issuesOf(documentWith((d) => {
      d.states[3].conditions.minOverdueMinor = -1;
      d.states[3].actions.lateFeeMinor = 0;
      d.states[1].actions.notify.channels = ['email', 'fax'];
      d.states[0].conditions.minOverdue = 5;
    }));
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'states[3].conditions.minOverdueMinor', message: 'must be ≥ 0' },
      { path: 'states[3].actions.lateFeeMinor', message: 'must be > 0' },
      { path: 'states[1].actions.notify.channels[1]', message: 'unknown channel "fax"; use "email" or "sms"' },
      { path: 'states[0].conditions', message: expect.stringContaining('minOverdue') },
    ]));
    expect(issues).toHaveLength(4);
  });

  it('puts every issue in the error message', () => {
    expect(() => parsePolicy(documentWith((d) => (d.graceDays = -2)))).toThrow('invalid dunning policy:\n  graceDays: must be ≥ 0');
  });
});
