// The outbox on real Postgres: which message the relay sends first, what waits for a job,
// and the order one workflow hears its signals in. `deliver` records instead of calling
// Temporal (the relay's own Temporal path runs in every end-to-end test).
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteDeliveredOlderThan, deliverPendingSignals, OUTBOX_LANE, releaseAbandonedHolds, releaseHeldSignals, retryDelaySeconds, type PendingSignal } from '../../data/outbox';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('outbox delivery', () => {
  let t: TestDatabase;
  beforeAll(async () => (t = await createTestDatabase()));
  afterAll(() => t?.drop());
  beforeEach(() => t.db.$executeRawUnsafe('truncate outbox restart identity'));

  const enqueue = (workflowId: string, payload: Record<string, number>, lane: number = OUTBOX_LANE.now, heldFor: string | null = null) =>
    t.db.$executeRaw`insert into outbox (workflow_id, workflow_type, start_args, signal, payload, lane, held_for)
                     values (${workflowId}, 'customerBillingWorkflow', '[{}]'::jsonb, 'paymentPosted', ${JSON.stringify(payload)}::jsonb, ${lane}::smallint, ${heldFor})`;
  const recorder = () => {
    const sent: Array<{ workflowId: string; payload: unknown }> = [];
    return { sent, deliver: async (m: PendingSignal) => void sent.push({ workflowId: m.workflowId, payload: m.payload }) };
  };

  it("sends a customer's own payment before a statement's signals recorded earlier, and a running statement's not at all", async () => {
    for (let i = 1; i <= 5; i++) await enqueue(`billing-customer-${i}`, { paymentId: i }, OUTBOX_LANE.bulk);
    await enqueue('billing-customer-7', { paymentId: 7 }, OUTBOX_LANE.held, 'statement:9');
    await enqueue('billing-customer-6', { paymentId: 6 });

    const first = recorder();
    expect(await deliverPendingSignals(t.db, 3, first.deliver)).toEqual({ delivered: 3, failed: 0 });
    expect(first.sent.map((s) => s.workflowId)).toEqual(['billing-customer-6', 'billing-customer-1', 'billing-customer-2']);

    const rest = recorder();
    await deliverPendingSignals(t.db, 100, rest.deliver);
    expect(rest.sent.map((s) => s.workflowId)).toEqual(['billing-customer-3', 'billing-customer-4', 'billing-customer-5']);

    // Another job's release leaves this hold alone; the statement's own release lets it go.
    expect(await releaseHeldSignals(t.db, 'statement:8')).toBe(0);
    expect((await deliverPendingSignals(t.db, 100, recorder().deliver)).delivered).toBe(0);
    expect(await releaseHeldSignals(t.db, 'statement:9')).toBe(1);
    const released = recorder();
    await deliverPendingSignals(t.db, 100, released.deliver);
    expect(released.sent).toEqual([{ workflowId: 'billing-customer-7', payload: { paymentId: 7 } }]);
    expect(await t.db.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
  });

  it('lets go of what a job that stopped adding to its hold kept, so customers of a statement that died still hear of their payments', async () => {
    await enqueue('billing-customer-1', { paymentId: 1 }, OUTBOX_LANE.held, 'statement:1');
    await enqueue('billing-customer-2', { paymentId: 2 }, OUTBOX_LANE.held, 'statement:2');
    await enqueue('billing-customer-3', { paymentId: 3 }, OUTBOX_LANE.held, 'statement:2');
    await t.db.$executeRaw`update outbox set created_at = now() - interval '11 minutes' where workflow_id in ('billing-customer-1', 'billing-customer-2')`;

    // statement:2 is still adding (its newest message is recent), however old its first one is.
    expect(await releaseAbandonedHolds(t.db, 10 * 60_000)).toBe(1);
    const sent = recorder();
    await deliverPendingSignals(t.db, 100, sent.deliver);
    expect(sent.sent.map((s) => s.workflowId)).toEqual(['billing-customer-1']);
  });

  it("sends to different workflows side by side but each workflow's signals in the order recorded, and stops at a failure", async () => {
    for (let n = 1; n <= 4; n++) for (const c of ['a', 'b', 'c']) await enqueue(`billing-customer-${c}`, { n });
    const sent: Array<{ workflowId: string; n: number }> = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const deliver = async (m: PendingSignal) => {
      const n = (m.payload as { n: number }).n;
      if (m.workflowId === 'billing-customer-b' && n === 2) throw new Error('Temporal unavailable');
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Later messages finish sooner, so any reordering within a workflow would show.
      await sleep(5 * (5 - n));
      inFlight--;
      sent.push({ workflowId: m.workflowId, n });
    };

    expect(await deliverPendingSignals(t.db, 100, deliver, { parallel: 3 })).toEqual({ delivered: 9, failed: 1 });
    expect(mostInFlight).toBe(3);
    for (const c of ['a', 'c']) expect(sent.filter((s) => s.workflowId === `billing-customer-${c}`).map((s) => s.n)).toEqual([1, 2, 3, 4]);
    // b's second signal failed: the third and fourth wait behind it rather than overtake it.
    expect(sent.filter((s) => s.workflowId === 'billing-customer-b').map((s) => s.n)).toEqual([1]);
    const waiting = await t.db.outboxMessage.findMany({ where: { deliveredAt: null }, orderBy: { id: 'asc' } });
    expect(waiting.map((w) => [(w.payload as { n: number }).n, w.attempts, w.lastError])).toEqual([
      [2, 1, 'Temporal unavailable'],
      [3, 0, 'waiting for an earlier message to the same workflow'],
      [4, 0, 'waiting for an earlier message to the same workflow'],
    ]);

    // b backs off: a message recorded for b meanwhile waits behind the failed one, others go.
    await enqueue('billing-customer-b', { n: 5 });
    await enqueue('billing-customer-a', { n: 5 });
    const during = recorder();
    await deliverPendingSignals(t.db, 100, during.deliver, { parallel: 3 });
    expect(during.sent).toEqual([{ workflowId: 'billing-customer-a', payload: { n: 5 } }]);

    await t.db.$executeRaw`update outbox set retry_at = now() - interval '1 second' where retry_at is not null`; // the backoff is over
    const retry = recorder();
    await deliverPendingSignals(t.db, 100, retry.deliver, { parallel: 3 });
    expect(retry.sent.map((s) => (s.payload as { n: number }).n)).toEqual([2, 3, 4, 5]);
  });

  it('backs off a failing message 1, 2, 4 … seconds, up to 5 minutes', async () => {
    await enqueue('billing-customer-1', { n: 1 });
    const failing = async () => { throw new Error('namespace not found'); };
    await deliverPendingSignals(t.db, 100, failing);
    const [row] = await t.db.$queryRaw<Array<{ attempts: number; wait: number }>>`select attempts, extract(epoch from retry_at - now())::float as wait from outbox`;
    expect(row.attempts).toBe(1);
    expect(row.wait).toBeGreaterThan(0);
    expect(row.wait).toBeLessThanOrEqual(1);
    expect([1, 2, 3, 4, 9, 10, 50].map(retryDelaySeconds)).toEqual([1, 2, 4, 8, 256, 300, 300]);
  });

  it('starts no send after its time budget, leaving the rest untouched for the next pass', async () => {
    for (let n = 1; n <= 5; n++) await enqueue('billing-customer-1', { n });
    const slow = async () => void (await sleep(40));
    expect(await deliverPendingSignals(t.db, 100, slow, { budgetMs: 60 })).toEqual({ delivered: 2, failed: 0 });
    const left = await t.db.outboxMessage.findMany({ where: { deliveredAt: null }, orderBy: { id: 'asc' } });
    expect(left.map((m) => [(m.payload as { n: number }).n, m.attempts, m.lastError, m.retryAt])).toEqual([[3, 0, null, null], [4, 0, null, null], [5, 0, null, null]]);
  });

  it('lets one relay send at a time, so two workers never interleave a workflow\'s signals', async () => {
    for (let n = 1; n <= 3; n++) await enqueue('billing-customer-1', { n });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = deliverPendingSignals(t.db, 100, async () => gate);
    await sleep(200);
    // Recorded while the first relay is still sending 1–3: a second relay must not send it ahead of them.
    await enqueue('billing-customer-1', { n: 4 });
    const second = recorder();
    expect(await deliverPendingSignals(t.db, 100, second.deliver)).toEqual({ delivered: 0, failed: 0 });
    release();
    expect(await first).toEqual({ delivered: 3, failed: 0 });
    const after = recorder();
    await deliverPendingSignals(t.db, 100, after.deliver);
    expect(after.sent).toEqual([{ workflowId: 'billing-customer-1', payload: { n: 4 } }]);
  });

  it('deletes messages delivered longer ago than the retention, never an undelivered one', async () => {
    for (const n of [1, 2, 3, 4]) await enqueue('billing-customer-1', { n });
    await t.db.$executeRaw`update outbox set created_at = now() - interval '40 days', delivered_at = case (payload ->> 'n')::int
      when 1 then now() - interval '31 days' when 2 then now() - interval '32 days' when 3 then now() - interval '29 days' end`;
    expect(await deleteDeliveredOlderThan(t.db, 30, 1)).toBe(1);
    expect(await deleteDeliveredOlderThan(t.db, 30)).toBe(1);
    expect(await deleteDeliveredOlderThan(t.db, 30)).toBe(0);
    const left = await t.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(left.map((m) => (m.payload as { n: number }).n)).toEqual([3, 4]);
  });
});
