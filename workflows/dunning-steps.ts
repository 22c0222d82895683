import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities, CustomerFacts } from '../activities';
import { networkSeverity, nextAllowedEnforcementAt, nextAllowedSmsAt, type DunningEvaluation, type NetworkAction, type Policy } from '../domain/dunning/ladder';
import { formatMinor } from '../domain/money';
import type { TimelineEntry } from './customer-billing.messages';
import { notificationQueueOf } from './task-queues';

// Refusals (no such customer, the gateway or NAS said no for good) fail at once; outages are waited out.
const NON_RETRYABLE: string[] = ['CustomerNotFound', 'NotificationRejected', 'NetworkRejected'];
const OPTIONS = { startToCloseTimeout: '1 minute', retry: { maximumInterval: '5 minutes', nonRetryableErrorTypes: NON_RETRYABLE } } as const;
const acts = proxyActivities<Activities>(OPTIONS);

const noticeActs = () => proxyActivities<Activities>({ ...OPTIONS, taskQueue: notificationQueueOf(workflowInfo().taskQueue) });

/** Decisions a customer's workflow has already carried out; survives continue-as-new. */
export interface AppliedState {
  network: NetworkAction;
  /** `${invoiceId}:${state}:${channel}` of notices sent, newest last (bounded). */
  notices: string[];
  lateFees: string[];
}

export type Note = (kind: TimelineEntry['kind'], summary: string) => void;

export interface StepOutcome {
  /** Earliest moment a deferred action (quiet hours, weekend) becomes allowed. */
  deferredUntil: Date | null;
  deferredAction: string | null;

}

const KEEP = 50;
const RECHECK_AFTER_REFUSAL_MS = 60 * 60 * 1000;
const remember = (list: string[], key: string) => {
  list.push(key);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
};

/** Sends the reached state's notices once each; SMS waits for the end of quiet hours. */
export async function sendDueNotices(policy: Policy, facts: CustomerFacts, ev: DunningEvaluation, applied: AppliedState, note: Note, now: Date): Promise<StepOutcome> {
  const out: StepOutcome = { deferredUntil: null, deferredAction: null };
  for (const action of ev.dueActions) {
    for (const channel of action.channels) {
      const key = `${facts.oldestUnpaidInvoiceId}:${ev.state}:${channel}`;
      if (applied.notices.includes(key)) continue;
      if (channel === 'sms') {
        const allowedAt = nextAllowedSmsAt(policy.calendar, policy.timezone, now);
        if (allowedAt.getTime() > now.getTime()) {
          out.deferredUntil = allowedAt;
          out.deferredAction = `SMS ${action.template} after quiet hours`;
          continue;
        }
      }
      // The summary is what support sees for this step in the Web UI.
      const result = await noticeActs().sendDunningNotice.executeWithOptions({ ...OPTIONS, taskQueue: notificationQueueOf(workflowInfo().taskQueue), summary: `${action.template} by ${channel}` }, [
        { customerId: facts.customerId, invoiceId: facts.oldestUnpaidInvoiceId, state: ev.state, channel, template: action.template },
      ]);
      remember(applied.notices, key);
      note('notification', `${action.template} by ${channel}: ${result.detail}`);
    }
  }
  return out;
}

/**
 * Moves the line toward the evaluated network state. Restoring happens at once;
 * throttling and blocking wait for the enforcement calendar (no weekend cut-offs).
 */
export async function enforceNetwork(policy: Policy, facts: CustomerFacts, ev: DunningEvaluation, applied: AppliedState, note: Note, now: Date): Promise<StepOutcome> {
  const out: StepOutcome = { deferredUntil: null, deferredAction: null };
  if (ev.network === applied.network) return out;
  const tightening = networkSeverity(ev.network) > networkSeverity(applied.network);
  if (tightening) {
    const allowedAt = nextAllowedEnforcementAt(policy.calendar, policy.timezone, now);
    if (allowedAt.getTime() > now.getTime()) {
      out.deferredUntil = allowedAt;
      out.deferredAction = `${ev.network} (waiting for the enforcement window)`;
      return out;
    }
  }
  const result = await acts.applyNetworkState.executeWithOptions({ ...OPTIONS, summary: `${tightening ? '' : 'restore to '}${ev.network} (${ev.state})` }, [
    { customerId: facts.customerId, target: ev.network, reason: `dunning state ${ev.state}` },
  ]);
  note('network', result.detail);
  if (result.applied) {
    applied.network = ev.network;
  } else {
    // Postgres disagreed (the customer paid and we missed the signal). Our next
    // evaluation reads the same rows; look again shortly rather than spin.
    out.deferredUntil = new Date(now.getTime() + RECHECK_AFTER_REFUSAL_MS);
    out.deferredAction = `recheck balance (${ev.network} refused: ${result.detail})`;
  }
  return out;
}

/** A state's late fee goes on the next invoice once per (invoice, state). */
export async function chargeLateFee(facts: CustomerFacts, ev: DunningEvaluation, applied: AppliedState, note: Note): Promise<void> {
  if (!ev.lateFeeMinor) return;
  const key = `${facts.oldestUnpaidInvoiceId}:${ev.state}`;
  if (applied.lateFees.includes(key)) return;
  const fee = formatMinor(ev.lateFeeMinor, facts.currency);
  const added = await acts.addLateFee.executeWithOptions({ ...OPTIONS, summary: `late fee ${fee} for ${ev.state}` }, [
    { customerId: facts.customerId, invoiceId: facts.oldestUnpaidInvoiceId, state: ev.state, amountMinor: ev.lateFeeMinor },
  ]);
  remember(applied.lateFees, key);
  if (added) note('event', `late fee ${fee} added for the next invoice`);
}
