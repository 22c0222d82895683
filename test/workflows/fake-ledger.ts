import type { CustomerFacts, DunningNotice, NetworkChange } from '../../activities';
import { DEFAULT_POLICY_DOCUMENT, parsePolicy, type PolicyDocument } from '../../domain/dunning';
import type { DunningView } from '../../workflows/customer-billing.messages';

/** The default ladder, but enforcement allowed every day and hour unless a test says otherwise. */
export function anyDayPolicy(): PolicyDocument {
  const doc = structuredClone(DEFAULT_POLICY_DOCUMENT) as PolicyDocument;
  doc.calendar = { ...doc.calendar, enforcementDays: [1, 2, 3, 4, 5, 6, 7], enforcementHours: { from: '00:00', to: '23:59' } };
  return doc;
}

/**
 * Stands in for Postgres in workflow tests (the activities have their own tests against
 * the real database): invoices, tags and policy in memory, and every side effect recorded.
 */
export class FakeLedger {
  invoices: Array<{ id: number; dueDate: string; outstandingMinor: number }> = [];
  tags: string[] = [];
  policy: PolicyDocument = anyDayPolicy();
  policyVersion = 1;
  recorded: DunningView[] = [];
  notices: DunningNotice[] = [];
  network: Array<{ at: Date; target: string; applied: boolean }> = [];
  lateFees: string[] = [];
  /** How often the workflow read the facts (loadCustomerFacts). */
  factsLoads = 0;
  /** Set to make the ledger lie to the workflow (a lost paymentPosted signal). */
  staleFactsForWorkflow: CustomerFacts | null = null;

  facts(customerId: number): CustomerFacts {
    const open = this.invoices.filter((i) => i.outstandingMinor > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    return {
      customerId,
      timezone: 'Asia/Dhaka',
      language: 'en',
      tags: this.tags,
      oldestUnpaidDueDate: open[0]?.dueDate ?? null,
      oldestUnpaidInvoiceId: open[0]?.id ?? null,
      overdueMinor: open.reduce((s, i) => s + i.outstandingMinor, 0),
      unpaidInvoices: open.length,
      currency: 'BDT',
      policyVersion: this.policyVersion,
      // Validated like the real activity's (currentDunningPolicy): workflows take it as is.
      policy: parsePolicy(this.policy),
    };
  }

  activities() {
    return {
      loadCustomerFacts: async (customerId: number) => {
        this.factsLoads++;
        return this.staleFactsForWorkflow ?? this.facts(customerId);
      },
      recordDunningState: async (view: DunningView) => void this.recorded.push(view),
      sendDunningNotice: async (n: DunningNotice) => {
        this.notices.push(n);
        return { status: 'sent' as const, detail: 'fake' };
      },
      // Mirrors the real activity's guard (which re-evaluates the policy on fresh rows):
      // a customer who owes nothing is never cut off. Activities run on wall-clock time
      // while the workflow's time is skipped, so this fake checks the balance only.
      applyNetworkState: async (c: NetworkChange) => {
        const owes = this.facts(c.customerId).overdueMinor > 0;
        const applied = c.target === 'none' || owes;
        this.network.push({ at: new Date(), target: c.target, applied });
        return { applied, network: applied ? c.target : ('none' as const), detail: applied ? `fake ${c.target}` : 'customer paid' };
      },
      addLateFee: async (f: { invoiceId: number | null; state: string }) => {
        this.lateFees.push(`${f.invoiceId}:${f.state}`);
        return true;
      },
    };
  }
}
