import type { SearchAttributePair } from '@temporalio/common';
import type { Prisma } from '../prisma/generated/client';
import { enqueueSignal } from '../data/outbox';
import { customerWorkflowId } from '../workflows/customer-billing.messages';
import { CustomerIdAttr } from '../workflows/search-attributes';

export const CUSTOMER_WORKFLOW_TYPE = 'customerBillingWorkflow';

type Signal =
  | { signal: 'invoiceIssued'; payload: { invoiceId: number } }
  | { signal: 'paymentPosted'; payload: { paymentId: number } }
  | { signal: 'creditApplied'; payload: { invoiceId?: number } }
  | { signal: 'tagsChanged'; payload: { tags: string[] } };

/** Queue a signal (with start) to the customer's billing workflow, inside the caller's transaction. */
export async function signalCustomerAfterCommit(tx: Pick<Prisma.TransactionClient, 'outboxMessage'>, customerId: number, s: Signal): Promise<void> {
  await enqueueSignal(tx, {
    workflowId: customerWorkflowId(customerId),
    workflowType: CUSTOMER_WORKFLOW_TYPE,
    startArgs: [{ customerId }],
    signal: s.signal,
    payload: s.payload,
  });
}

/**
 * What a workflow started from a stored message is tagged with: a customer's workflow
 * carries SettleCustomerId (support filters on it in the Web UI) however it was started.
 */
export function startSearchAttributes(workflowType: string, startArgs: readonly unknown[]): SearchAttributePair[] {
  const customerId = (startArgs[0] as { customerId?: unknown } | undefined)?.customerId;
  return workflowType === CUSTOMER_WORKFLOW_TYPE && Number.isInteger(customerId) ? [{ key: CustomerIdAttr, value: customerId as number }] : [];
}
