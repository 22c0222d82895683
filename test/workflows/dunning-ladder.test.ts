import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { paymentPostedSignal, policyChangedSignal, promiseToPayUpdate } from '../../workflows/customer-billing.messages';
import { DunningStateAttr, OverdueAmountAttr } from '../../workflows/search-attributes';
import { maybeRecordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { DAY, isoDay, withLadder } from './ladder-harness';

// Default ladder: reminder due−3 (email), due (email+SMS), due+3 (SMS), throttle due+10, block due+14.
describe('the dunning ladder (60 days in seconds)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());

  it('reminds, throttles, blocks; one payment restores service and ends the workflow', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 7, dueDate: isoDay(now + 5 * DAY), outstandingMinor: 150_000 }), async ({ ledger, handle, advance }) => {
      const seen: Array<{ state: string; network: string }> = [];
      for (let day = 0; day < 22; day++) seen.push(await advance(DAY));
      const states = seen.map((s) => s.state);
      for (const s of ['reminder_before_due', 'due_today', 'overdue_reminder', 'throttled', 'blocked']) expect(states).toContain(s);
      expect(seen.find((s) => s.state === 'throttled')!.network).toBe('throttle');
      expect(seen.at(-1)!.network).toBe('block');
      expect(ledger.network.filter((n) => n.applied).map((n) => n.target)).toEqual(['throttle', 'block']);
      // One message per (state, channel), however many times the workflow woke up.
      const keys = ledger.notices.map((n) => `${n.state}:${n.channel}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toEqual(expect.arrayContaining(['reminder_before_due:email', 'due_today:email', 'due_today:sms', 'overdue_reminder:sms']));

      ledger.invoices[0]!.outstandingMinor = 0;
      await handle.signal(paymentPostedSignal, { paymentId: 1 });
      const result = await handle.result();
      expect(result).toMatchObject({ state: 'paid', network: 'none' });
      expect(ledger.network.at(-1)).toMatchObject({ target: 'none', applied: true });
      await maybeRecordHistory(handle, 'ladder-to-blocked-then-paid');
    });
  });

  it.each([
    ['before the due date', 3],
    ['after the first reminders', 7],
    ['while throttled', 17],
    ['while blocked', 21],
  ])('paying %s stops the ladder at once', async (_label, payOnDay) => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now + 5 * DAY), outstandingMinor: 80_000 }), async ({ ledger, handle, advance }) => {
      for (let d = 0; d < payOnDay; d++) await advance(DAY);
      const noticesBefore = ledger.notices.length;
      ledger.invoices[0]!.outstandingMinor = 0;
      await handle.signal(paymentPostedSignal, { paymentId: 2 });
      expect(await handle.result()).toMatchObject({ state: 'paid', network: 'none' });
      expect(ledger.notices.length).toBe(noticesBefore);
    });
  });

  it('a partial payment below the enforcement minimum lifts throttling; above it keeps it', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now - 11 * DAY), outstandingMinor: 60_000 }), async ({ ledger, handle, advance }) => {
      expect((await advance(DAY)).network).toBe('throttle');
      ledger.invoices[0]!.outstandingMinor = 20_000; // still ≥ 50.00 minimum
      await handle.signal(paymentPostedSignal, { paymentId: 3 });
      expect((await advance(60_000)).network).toBe('throttle');
      ledger.invoices[0]!.outstandingMinor = 4_000; // below the 50.00 minimum
      await handle.signal(paymentPostedSignal, { paymentId: 4 });
      const after = await advance(60_000);
      expect(after.network).toBe('none');
      expect(ledger.network.at(-1)).toMatchObject({ target: 'none', applied: true });
    });
  });

  it('a promise to pay restores service now and the ladder resumes when it expires', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now - 15 * DAY), outstandingMinor: 90_000 }), async ({ handle, advance, now }) => {
      expect((await advance(DAY)).network).toBe('block');
      const until = new Date((await now()) + 5 * DAY).toISOString();
      const afterPromise = await handle.executeUpdate(promiseToPayUpdate, { args: [{ operatorId: 9, until, note: 'will pay Friday' }] });
      expect(afterPromise.network).toBe('none');
      expect(afterPromise.promiseToPayUntil).toBe(until);
      expect((await advance(3 * DAY)).network).toBe('none');
      expect((await advance(3 * DAY)).network).toBe('block');
      await maybeRecordHistory(handle, 'promise-to-pay-expires');
    });
  });

  it('rejects a promise to pay without a future date or a note', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now - 15 * DAY), outstandingMinor: 90_000 }), async ({ handle, advance, now }) => {
      await advance(60_000);
      await expect(handle.executeUpdate(promiseToPayUpdate, { args: [{ operatorId: 9, until: '2001-01-01T00:00:00Z', note: 'x' }] })).rejects.toHaveProperty('cause.message', expect.stringMatching(/future/));
      await expect(handle.executeUpdate(promiseToPayUpdate, { args: [{ operatorId: 9, until: new Date((await now()) + 5 * DAY).toISOString(), note: ' ' }] })).rejects.toHaveProperty('cause.message', expect.stringMatching(/note/));
    });
  });

  it('a policy change mid-ladder applies to the running workflow', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now - 6 * DAY), outstandingMinor: 90_000 }), async ({ ledger, handle, advance }) => {
      expect((await advance(60_000)).network).toBe('none');
      const blockEarly = structuredClone(ledger.policy);
      blockEarly.states = blockEarly.states.map((s) => (s.name === 'throttled' ? { ...s, conditions: { ...s.conditions, daysPastDue: 4 } } : s.name === 'blocked' ? { ...s, conditions: { ...s.conditions, daysPastDue: 5 } } : s));
      ledger.policy = blockEarly;
      await handle.signal(policyChangedSignal, { version: 2 });
      expect((await advance(60_000)).network).toBe('block');
    });
  });

  it('never blocks a customer who paid, even when the paymentPosted signal was lost', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now - 6 * DAY), outstandingMinor: 90_000 }), async ({ ledger, advance }) => {
      expect((await advance(60_000)).network).toBe('none');
      ledger.staleFactsForWorkflow = ledger.facts(1); // the workflow keeps seeing the old balance…
      ledger.invoices[0]!.outstandingMinor = 0; // …but Postgres says paid, and no signal came
      expect((await advance(10 * DAY)).state).toBe('blocked'); // what the stale view believes
      expect(ledger.network.filter((n) => n.applied && n.target !== 'none')).toEqual([]);
      expect(ledger.network.some((n) => !n.applied)).toBe(true);
    });
  });

  it('a throttle due on a Saturday waits for Monday 09:00 in Prague', async () => {
    const prague = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
    let saturday = 0;
    await withLadder(env, (l, now) => {
      // The first Saturday at least three days ahead, 00:00 Prague time (±1 h is fine: thresholds are local midnights).
      let t = now + 3 * DAY;
      while (!prague(t).startsWith('Sat')) t += DAY / 4;
      // Prague's calendar day, not UTC's: at 00:xx Prague it is still Friday in UTC.
      saturday = Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(new Date(t))}T00:00:00Z`);
      l.policy = { ...l.policy, timezone: 'Europe/Prague', calendar: { ...l.policy.calendar, enforcementDays: [1, 2, 3, 4, 5], enforcementHours: { from: '09:00', to: '17:00' } } };
      l.invoices.push({ id: 1, dueDate: isoDay(saturday - 10 * DAY), outstandingMinor: 90_000 });
    }, async ({ ledger, advance, now }) => {
      let view = await advance(saturday + 12 * 3600_000 - (await now()));
      expect(prague(await now())).toMatch(/^Sat/);
      expect(view.state).toBe('throttled');
      expect(view.network).toBe('none');
      expect(view.nextAction?.action).toMatch(/enforcement window/);
      expect(prague(Date.parse(view.nextAction!.at))).toBe('Mon 09:00');
      view = await advance(DAY);
      expect(view.network).toBe('none'); // still Sunday
      view = await advance(Date.parse((await advance(0)).nextAction!.at) - (await now()) + 60_000);
      expect(prague(await now())).toMatch(/^Mon 09:0/);
      expect(view.network).toBe('throttle');
      expect(ledger.network.filter((n) => n.applied)).toHaveLength(1);
    });
  });

  it('started by a billing run, waits on the facts sent with the invoice, without an activity, then climbs the ladder', async () => {
    let due = '';
    await withLadder(env, (l, now) => {
      due = isoDay(now + 14 * DAY);
      l.invoices.push({ id: 31, dueDate: due, outstandingMinor: 120_000 });
    }, async ({ ledger, handle, advance }) => {
      const first = await advance(60_000);
      expect(first).toMatchObject({ state: 'current', overdueMinor: 120_000, network: 'none' });
      expect(first.nextAction).toEqual({ action: 'enter reminder_before_due', at: new Date(Date.parse(`${isoDay(Date.parse(due) - 3 * DAY)}T00:00:00Z`) - 6 * 3600_000).toISOString() });
      expect(ledger.factsLoads).toBe(0);
      expect(ledger.recorded).toEqual([expect.objectContaining({ state: 'current', overdueMinor: 120_000, nextAction: first.nextAction })]);
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
      expect(events.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);

      const reminded = await advance(12 * DAY);
      expect(reminded.state).toBe('reminder_before_due');
      expect(ledger.factsLoads).toBeGreaterThan(0);
      expect(ledger.notices.map((n) => `${n.invoiceId}:${n.state}:${n.channel}`)).toEqual(['31:reminder_before_due:email']);
      await maybeRecordHistory(handle, 'first-decision-from-signal');
    }, {}, (ledger, customerId) => ({ signal: { invoiceId: 31, facts: ledger.facts(customerId) } }));
  });

  it('started with the search attributes of the decision it takes, leaves them as they are', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 33, dueDate: isoDay(now + 14 * DAY), outstandingMinor: 70_000 }), async ({ ledger, handle, advance }) => {
      expect((await advance(60_000)).state).toBe('current');
      expect(ledger.factsLoads).toBe(0);
      const events = (await handle.fetchHistory()).events ?? [];
      // Only the patch marker's own TemporalChangeVersion upsert.
      const upserts = events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes);
      expect(upserts).toHaveLength(1);
      expect(Object.keys(upserts[0]!.upsertWorkflowSearchAttributesEventAttributes!.searchAttributes!.indexedFields!)).toEqual(['TemporalChangeVersion']);
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(DunningStateAttr)).toBe('current');
      await maybeRecordHistory(handle, 'first-decision-with-expected-search-attributes');
    }, {}, (ledger, customerId) => ({
      signal: { invoiceId: 33, facts: ledger.facts(customerId) },
      typedSearchAttributes: [{ key: DunningStateAttr, value: 'current' }, { key: OverdueAmountAttr, value: 70_000 }],
    }));
  });

  it('started by a billing run whose facts ask for action, reads them again first', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 32, dueDate: isoDay(now - 15 * DAY), outstandingMinor: 90_000 }), async ({ ledger, handle }) => {
      // The run read an unpaid invoice 15 days overdue (notice, block); the customer paid since.
      expect(await handle.result()).toMatchObject({ state: 'paid', network: 'none' });
      expect(ledger.factsLoads).toBe(1);
      expect(ledger.notices).toEqual([]);
      expect(ledger.network).toEqual([]);
    }, {}, (ledger, customerId) => {
      const facts = ledger.facts(customerId);
      ledger.invoices[0]!.outstandingMinor = 0;
      return { signal: { invoiceId: 32, facts } };
    });
  });

  it('keeps its decisions across continue-as-new (no repeated message or cut-off)', async () => {
    await withLadder(env, (l, now) => l.invoices.push({ id: 1, dueDate: isoDay(now + 4 * DAY), outstandingMinor: 90_000 }), async ({ ledger, handle, advance }) => {
      for (let d = 0; d < 20; d++) await advance(DAY);
      const desc = await handle.describe();
      expect(desc.runId).not.toBe(handle.firstExecutionRunId);
      const keys = ledger.notices.map((n) => `${n.state}:${n.channel}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(ledger.network.filter((n) => n.applied).map((n) => n.target)).toEqual(['throttle', 'block']);
      expect((await handle.query('dunningState' as never) as { timeline: unknown[] }).timeline.length).toBeGreaterThan(5);
      await maybeRecordHistory(handle, 'continued-as-new');
    }, { continueAsNewAfter: 3 });
  });
});
