import type { CustomerFacts } from '../../activities';
import type { DunningView } from '../../workflows/customer-billing.messages';

/**
 * Stands in for Postgres in workflow tests (the activities' own tests use the real
 * database): invoices with due dates and amounts, and what the workflow recorded.
 */
export class FakeLedger {
  invoices: Array<{ id: number; dueDate: string; outstandingMinor: number }> = [];
  tags: string[] = [];
  recorded: DunningView[] = [];

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
    };
  }

  activities() {
    return {
      loadCustomerFacts: async (customerId: number) => this.facts(customerId),
      recordDunningState: async (view: DunningView) => {
        this.recorded.push(view);
      },
    };
  }
}
