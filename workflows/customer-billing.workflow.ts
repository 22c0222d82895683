import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities, CustomerFacts } from '../activities';
import { actsNow, evaluateDunning, formatLocal, type DunningEvaluation } from '../domain/dunning/ladder';
import { chargeLateFee, enforceNetwork, sendDueNotices, type AppliedState } from './dunning-steps';
import {
  creditAppliedSignal,
  dunningStateQuery,
  invoiceIssuedSignal,
  pauseDunningUpdate,
  paymentPostedSignal,
  policyChangedSignal,
  promiseToPayUpdate,
  resumeDunningUpdate,
  tagsChangedSignal,
  type BillingEvent,
  type DunningView,
  type SupportAction,
  type TimelineEntry,
} from './customer-billing.messages';
import { DunningStateAttr, OverdueAmountAttr } from './search-attributes';

// A missing customer fails at once; a database outage is waited out (a customer's dunning must not end over it).
const FACTS_NON_RETRYABLE: string[] = ['CustomerNotFound'];
const FACTS_OPTIONS = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute', nonRetryableErrorTypes: FACTS_NON_RETRYABLE } } as const;
const { loadCustomerFacts, recordDunningState } = proxyActivities<Activities>(FACTS_OPTIONS);
// A first decision taken from the billing run's facts is projected by the worker itself:
// starting a customer's workflow then costs one workflow task, as a trivial one does.
const local = proxyLocalActivities<Activities>(FACTS_OPTIONS);

/** Patch: a workflow started by a billing run may take its first decision from the facts sent with the invoice. */
export const FIRST_DECISION_FROM_SIGNAL = 'first-decision-from-signal';

/** What survives continue-as-new: the ledger stays in Postgres, only our own decisions travel. */
export interface CarriedState {
  promiseToPayUntil: string | null;
  pausedUntil: string | null;
  timeline: TimelineEntry[];
  applied: AppliedState;
}

export interface CustomerBillingInput {
  customerId: number;
  carried?: CarriedState;
  /** Continue-as-new after this many evaluations even if Temporal does not suggest it yet (tests). */
  continueAsNewAfter?: number;
}

const TIMELINE_LIMIT = 100;
const earliest = (...dates: Array<Date | null | undefined>) =>
  dates.filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

/** The facts a billing run sent with its invoiceIssued signals, when nothing else is in the batch (the last read is the newest). */
function announcedFacts(customerId: number, batch: BillingEvent[]): CustomerFacts | undefined {
  if (batch.length === 0 || !batch.every((e) => e.type === 'invoiceIssued' && e.facts?.customerId === customerId)) return undefined;
  return (batch.at(-1) as Extract<BillingEvent, { type: 'invoiceIssued' }>).facts;
}

export async function customerBillingWorkflow(input: CustomerBillingInput): Promise<DunningView> {
  const { customerId } = input;
  const carried: CarriedState = input.carried ?? { promiseToPayUntil: null, pausedUntil: null, timeline: [], applied: { network: 'none', notices: [], lateFees: [] } };
  const pending: BillingEvent[] = [];
  let facts: CustomerFacts | undefined;
  let evaluation: DunningEvaluation | undefined;
  let nextAction: DunningView['nextAction'] = null;
  let started = 0;
  let completed = 0;

  const note = (kind: TimelineEntry['kind'], summary: string) => {
    carried.timeline.push({ at: new Date().toISOString(), kind, summary });
    if (carried.timeline.length > TIMELINE_LIMIT) carried.timeline.splice(0, carried.timeline.length - TIMELINE_LIMIT);
  };
  const view = (): DunningView => ({
    customerId,
    state: evaluation?.state ?? 'evaluating',
    network: carried.applied.network,
    overdueMinor: facts?.overdueMinor ?? 0,
    currency: facts?.currency ?? null,
    nextAction,
    promiseToPayUntil: carried.promiseToPayUntil,
    pausedUntil: carried.pausedUntil,
    reasons: evaluation?.reasons ?? [],
    timeline: [...carried.timeline],
  });
  const onEvent = (event: BillingEvent) => {
    pending.push(event);
    note('event', event.type);
  };

  setHandler(invoiceIssuedSignal, (a) => onEvent({ type: 'invoiceIssued', ...a }));
  setHandler(paymentPostedSignal, (a) => onEvent({ type: 'paymentPosted', ...a }));
  setHandler(creditAppliedSignal, (a) => onEvent({ type: 'creditApplied', ...a }));
  setHandler(tagsChangedSignal, (a) => onEvent({ type: 'tagsChanged', ...a }));
  setHandler(policyChangedSignal, (a) => onEvent({ type: 'policyChanged', ...a }));
  setHandler(dunningStateQuery, view);

  const supportUpdate = (apply: (a: SupportAction) => void, summary: (a: SupportAction) => string) => ({
    handler: async (a: SupportAction) => {
      apply(a);
      note('support', summary(a));
      // Answer with the state after re-evaluation, so support sees the effect at once.
      const target = started + 1;
      pending.push({ type: 'supportAction' });
      await condition(() => completed >= target);
      return view();
    },
  });
  const requireFuture = (a: SupportAction) => {
    if (!a.until || !(Date.parse(a.until) > Date.now())) throw new Error('until must be a future ISO timestamp');
    if (!a.note?.trim()) throw new Error('note is required');
  };
  // Support reads the timeline in the ISP's time zone (the policy's), with the operator's name.
  const localTime = (iso: string) => formatLocal(new Date(iso), facts?.policy.timezone ?? 'UTC');
  const by = (a: SupportAction) => (a.operatorName ? `${a.operatorName} (operator ${a.operatorId})` : `operator ${a.operatorId}`);
  const ptp = supportUpdate((a) => (carried.promiseToPayUntil = a.until!), (a) => `promise to pay until ${localTime(a.until!)} by ${by(a)}: ${a.note}`);
  setHandler(promiseToPayUpdate, ptp.handler, { validator: requireFuture });
  const pause = supportUpdate((a) => (carried.pausedUntil = a.until!), (a) => `dunning paused until ${localTime(a.until!)} by ${by(a)}: ${a.note}`);
  setHandler(pauseDunningUpdate, pause.handler, { validator: requireFuture });
  const resume = supportUpdate(
    () => {
      carried.pausedUntil = null;
      carried.promiseToPayUntil = null;
    },
    (a) => `dunning resumed by ${by(a)}: ${a.note}`,
  );
  setHandler(resumeDunningUpdate, resume.handler);

  for (;;) {
    const batch = pending.splice(0, pending.length);
    started++;
    const previousState = evaluation?.state;
    const evaluate = (f: CustomerFacts, now: Date) => {
      const active = (iso: string | null) => (iso && Date.parse(iso) > now.getTime() ? new Date(iso) : null);
      return evaluateDunning(f.policy, { ...f, promiseToPayUntil: active(carried.promiseToPayUntil), pausedUntil: active(carried.pausedUntil), enforcedNetwork: carried.applied.network }, now);
    };
    // Started by a billing run: the run read this customer's facts right after issuing the
    // invoice. Deciding to wait on them is safe, since any later payment, credit or tag change
    // signals us; acting (a notice, a fee, the line) waits for facts read for the purpose.
    const announced = started === 1 && !input.carried ? announcedFacts(customerId, batch) : undefined;
    let fromSignal = announced !== undefined && patched(FIRST_DECISION_FROM_SIGNAL);
    const readFacts = () => loadCustomerFacts.executeWithOptions({ ...FACTS_OPTIONS, summary: 'read balance, open invoices, tags and policy from Postgres' }, [customerId]);
    facts = fromSignal ? announced! : await readFacts();
    let now = new Date();
    evaluation = evaluate(facts, now);
    if (fromSignal && actsNow(evaluation, carried.applied.network)) {
      fromSignal = false;
      facts = await readFacts();
      now = new Date();
      evaluation = evaluate(facts, now);
    }
    const policy = facts.policy;
    if (evaluation.state !== previousState) note('state', `${previousState ?? 'start'} → ${evaluation.state}: ${evaluation.reasons.join('; ')}`);

    const notices = await sendDueNotices(policy, facts, evaluation, carried.applied, note, now);
    await chargeLateFee(facts, evaluation, carried.applied, note);
    const network = await enforceNetwork(policy, facts, evaluation, carried.applied, note, now);

    const threshold = evaluation.nextThreshold;
    const wake = earliest(threshold?.at, notices.deferredUntil, network.deferredUntil);
    nextAction = !wake ? null
      : wake === network.deferredUntil ? { action: network.deferredAction!, at: wake.toISOString() }
      : wake === notices.deferredUntil ? { action: notices.deferredAction!, at: wake.toISOString() }
      : { action: `enter ${threshold!.state}`, at: wake.toISOString() };
    // A billing run starts the workflow with the search attributes of the decision it
    // expects from the facts it sends; when that is the decision, they need no update.
    const atStart = workflowInfo().typedSearchAttributes;
    if (!fromSignal || atStart.get(DunningStateAttr) !== evaluation.state || atStart.get(OverdueAmountAttr) !== facts.overdueMinor) {
      upsertSearchAttributes([
        { key: DunningStateAttr, value: evaluation.state },
        { key: OverdueAmountAttr, value: facts.overdueMinor },
      ]);
    }
    const projection = { ...FACTS_OPTIONS, summary: `record state ${evaluation.state} and timeline in Postgres` };
    const recordArgs: [DunningView, string | null] = [view(), batch.at(-1)?.type ?? null];
    await (fromSignal ? local.recordDunningState.executeWithOptions(projection, recordArgs) : recordDunningState.executeWithOptions(projection, recordArgs));
    completed++;

    if (facts.unpaidInvoices === 0 && carried.applied.network === 'none' && pending.length === 0) {
      await condition(allHandlersFinished);
      return view();
    }
    if (!wake) await condition(() => pending.length > 0);
    else await condition(() => pending.length > 0, Math.max(1, wake.getTime() - Date.now()), { summary: `wait to ${nextAction!.action} at ${formatLocal(wake, policy.timezone)}` });

    if (workflowInfo().continueAsNewSuggested || (input.continueAsNewAfter !== undefined && completed >= input.continueAsNewAfter)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof customerBillingWorkflow>({ ...input, carried });
    }
  }
}
