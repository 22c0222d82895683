import type { Prisma } from '../prisma/generated/client';
import { enqueueSignal } from '../data/outbox';
import { customerWorkflowId } from '../workflows/customer-billing.messages';

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
