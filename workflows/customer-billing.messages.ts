import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CustomerFacts } from '../activities';

// Business ID without personal data: support can paste it into the Web UI.
export function customerWorkflowId(customerId: number): string {
  return `billing-customer-${customerId}`;
}

/**
 * A new invoice for the customer. A billing run adds the customer's facts as it read them
 * right after issuing (set-based, for a whole page): a workflow started by this signal
 * takes its first decision from them when that decision is only to wait.
 */
export interface InvoiceIssued {
  invoiceId: number;
  facts?: CustomerFacts;
}

export type BillingEvent =
  | ({ type: 'invoiceIssued' } & InvoiceIssued)
  | { type: 'paymentPosted'; paymentId: number }
  | { type: 'creditApplied'; invoiceId?: number }
  | { type: 'tagsChanged'; tags: string[] }
  | { type: 'policyChanged'; version: number }
  | { type: 'supportAction' };

export interface TimelineEntry {
  at: string;
  kind: 'event' | 'state' | 'notification' | 'network' | 'support';
  summary: string;
}

export interface DunningView {
  customerId: number;
  state: string;
  network: 'none' | 'throttle' | 'block';
  overdueMinor: number;
  /** ISO 4217 code of overdueMinor; null before the first evaluation. */
  currency: string | null;
  nextAction: { action: string; at: string } | null;
  promiseToPayUntil: string | null;
  pausedUntil: string | null;
  reasons: string[];
  timeline: TimelineEntry[];
}

export const invoiceIssuedSignal = defineSignal<[InvoiceIssued]>('invoiceIssued');
export const paymentPostedSignal = defineSignal<[{ paymentId: number }]>('paymentPosted');
export const creditAppliedSignal = defineSignal<[{ invoiceId?: number }]>('creditApplied');
export const tagsChangedSignal = defineSignal<[{ tags: string[] }]>('tagsChanged');
export const policyChangedSignal = defineSignal<[{ version: number }]>('policyChanged');

export const dunningStateQuery = defineQuery<DunningView>('dunningState');

export interface SupportAction {
  operatorId: number;
  /** Named in the timeline; older callers sent only the id. */
  operatorName?: string;
  until?: string;
  note: string;
}
export const promiseToPayUpdate = defineUpdate<DunningView, [SupportAction]>('promiseToPay');
export const pauseDunningUpdate = defineUpdate<DunningView, [SupportAction]>('pauseDunning');
export const resumeDunningUpdate = defineUpdate<DunningView, [SupportAction]>('resumeDunning');
