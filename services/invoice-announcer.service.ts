import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { evaluateDunning } from '../domain/dunning';
import { boundedEach } from '../infra/bounded-each';
import { logger } from '../infra/logger';
import type { Db } from '../infra/prisma';
import { renderInvoiceEmail, type Notifier } from '../notifications';
import { readCustomerFactsOf, type CustomerFacts } from '../data/customer-facts';
import { currentDunningPolicy } from '../data/dunning-policy';
import type { customerBillingWorkflow } from '../workflows/customer-billing.workflow';
import { customerWorkflowId, policyChangedSignal, type InvoiceIssued } from '../workflows/customer-billing.messages';
import { CustomerIdAttr, DunningStateAttr, OverdueAmountAttr } from '../workflows/search-attributes';
import { CUSTOMER_WORKFLOW_TYPE } from './customer-signals';

export interface AnnouncerDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  notifier: Notifier;
  ispName: string;
}

/**
 * Emails each invoice of the run and hands it, with the customer's facts, to its
 * customer's billing workflow (signal-with-start). `signalled_at` marks what is done, so
 * a rerun or a retry after a crash announces only the rest; the notification log keeps
 * the email to one.
 */
export async function announceInvoices(deps: AnnouncerDeps, input: { billingRunId: number; limit: number; concurrency: number }): Promise<{ announced: number; remaining: boolean }> {
  const invoices = await deps.db.invoice.findMany({
    where: { billingRunId: input.billingRunId, signalledAt: null },
    orderBy: { id: 'asc' },
    take: input.limit,
    include: { customer: true, lines: { orderBy: { position: 'asc' } } },
  });
  // Read once for the page, after the invoices were committed: a workflow that these
  // signals start takes its first decision from them when that decision is to wait.
  const facts = await readCustomerFactsOf(deps.db, invoices.map((inv) => inv.customerId));
  const now = new Date();
  const done: number[] = [];
  try {
    await boundedEach(invoices, input.concurrency, async (inv) => {
      if (inv.customer.email) await emailInvoiceOnce(deps, inv);
      const f = facts.get(inv.customerId);
      await deps.temporal.workflow.signalWithStart<typeof customerBillingWorkflow, [InvoiceIssued]>(CUSTOMER_WORKFLOW_TYPE, {
        workflowId: customerWorkflowId(inv.customerId),
        taskQueue: deps.taskQueue,
        args: [{ customerId: inv.customerId }],
        signal: 'invoiceIssued',
        signalArgs: [{ invoiceId: inv.id, facts: f }],
        typedSearchAttributes: [{ key: CustomerIdAttr, value: inv.customerId }, ...(f ? expectedSearchAttributes(f, now) : [])],
      });
      done.push(inv.id);
    });
    await retellChangedPolicy(deps, [...facts.values()], input.concurrency);
  } finally {
    // One write for the batch; after a crash only the unmarked ones are announced again,
    // and a repeated invoiceIssued signal only makes the customer's workflow re-evaluate.
    if (done.length) await deps.db.invoice.updateMany({ where: { id: { in: done } }, data: { signalledAt: new Date() } });
  }
  return { announced: invoices.length, remaining: invoices.length === input.limit };
}

/**
 * What a workflow that these facts start will set, if it decides as the ladder says now
 * (a fresh workflow has no promise to pay or pause); it checks and corrects them itself.
 */
function expectedSearchAttributes(f: CustomerFacts, now: Date): SearchAttributePair[] {
  const ev = evaluateDunning(f.policy, { ...f, promiseToPayUntil: null, pausedUntil: null, enforcedNetwork: 'none' }, now);
  return [{ key: DunningStateAttr, value: ev.state }, { key: OverdueAmountAttr, value: f.overdueMinor }];
}

/**
 * A policy saved after the page's facts were read was broadcast only to the workflows
 * running then, maybe not to the ones these signals started with the older policy.
 */
async function retellChangedPolicy(deps: AnnouncerDeps, sent: CustomerFacts[], concurrency: number): Promise<void> {
  const { version } = await currentDunningPolicy(deps.db);
  const stale = sent.filter((f) => f.policyVersion !== version).map((f) => f.customerId);
  await boundedEach(stale, concurrency, async (customerId) => {
    const workflowId = customerWorkflowId(customerId);
    await deps.temporal.workflow.getHandle(workflowId).signal(policyChangedSignal, { version }).catch((err) => {
      // A workflow that already ended needs nothing: the next one reads the policy afresh.
      if (!(err instanceof WorkflowNotFoundError)) logger.warn({ err, workflowId }, 'policyChanged signal failed');
    });
  });
}

type InvoiceWithParts = Awaited<ReturnType<Db['invoice']['findMany']>>[number] & {
  customer: { name: string; email: string | null; language: string; paymentReference: string };
  lines: Array<{ description: string; netMinor: bigint; taxRateBp: number; taxMinor: bigint; totalMinor: bigint }>;
};

async function emailInvoiceOnce(deps: AnnouncerDeps, inv: InvoiceWithParts): Promise<void> {
  const dedupeKey = `invoice:${inv.id}:email`;
  await deps.db.notificationLog.createMany({
    data: [{ dedupeKey, customerId: inv.customerId, invoiceId: inv.id, state: 'issued', channel: 'email', template: 'invoice', status: 'sending' }],
    skipDuplicates: true,
  });
  const row = await deps.db.notificationLog.findUniqueOrThrow({ where: { dedupeKey } });
  if (row.status !== 'sending') return;
  const mail = renderInvoiceEmail({
    ispName: deps.ispName,
    customerName: inv.customer.name,
    language: inv.customer.language,
    number: inv.number,
    issueDate: inv.issueDate.toISOString().slice(0, 10),
    dueDate: inv.dueDate.toISOString().slice(0, 10),
    currency: inv.currency,
    totalMinor: Number(inv.totalMinor),
    paymentReference: inv.customer.paymentReference,
    lines: inv.lines.map((l) => ({ description: l.description, netMinor: Number(l.netMinor), taxRateBp: l.taxRateBp, taxMinor: Number(l.taxMinor), totalMinor: Number(l.totalMinor) })),
  });
  const sent = await deps.notifier.email.send({ to: inv.customer.email!, subject: mail.subject, text: mail.text, idempotencyKey: dedupeKey });
  await deps.db.notificationLog.update({ where: { dedupeKey }, data: { status: 'sent', recipient: inv.customer.email, transport: sent.transport, providerId: sent.messageId ?? null, sentAt: new Date() } });
}
