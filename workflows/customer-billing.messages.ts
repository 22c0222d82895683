import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

// Business ID without personal data: support can paste it into the Web UI.
export function customerWorkflowId(customerId: number): string {
  return `billing-customer-${customerId}`;
}

export type BillingEvent =
  | { type: 'invoiceIssued'; invoiceId: number }
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
  nextAction: { action: string; at: string } | null;
  promiseToPayUntil: string | null;
  pausedUntil: string | null;
  reasons: string[];
  timeline: TimelineEntry[];
}

export const invoiceIssuedSignal = defineSignal<[{ invoiceId: number }]>('invoiceIssued');
export const paymentPostedSignal = defineSignal<[{ paymentId: number }]>('paymentPosted');
export const creditAppliedSignal = defineSignal<[{ invoiceId?: number }]>('creditApplied');
export const tagsChangedSignal = defineSignal<[{ tags: string[] }]>('tagsChanged');
export const policyChangedSignal = defineSignal<[{ version: number }]>('policyChanged');

export const dunningStateQuery = defineQuery<DunningView>('dunningState');

export interface SupportAction {
  operatorId: number;
  until?: string;
  note: string;
}
export const promiseToPayUpdate = defineUpdate<DunningView, [SupportAction]>('promiseToPay');
export const pauseDunningUpdate = defineUpdate<DunningView, [SupportAction]>('pauseDunning');
export const resumeDunningUpdate = defineUpdate<DunningView, [SupportAction]>('resumeDunning');
