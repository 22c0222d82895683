import * as billing from '../../../../domain/billing';

describe('billing public API', () => {
  it('exports the invoicing rules', () => {
    const functions = Object.entries(billing)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'BillingRuleError', 'activeSpan', 'addBillingMonths', 'addDays', 'addMonths', 'allocateCredits', 'allocatePayment', 'allocationOrder',
      'anchoredStart', 'applyCredit', 'applyDiscounts', 'assertBillingMonth', 'assertCalendarDate', 'billingMonthOf',
      'buildInvoiceLines', 'calendarDate', 'chargesForTariffChange', 'compareDates', 'composeInvoice', 'daysBetween', 'daysInPeriod',
      'dueDate', 'effectiveTaxRate', 'formatBillingMonth', 'fromDayNumber', 'invoiceTotals', 'isBillingMonth',
      'isCalendarDate', 'isLeapYear', 'lastDayOfMonth', 'lineTax', 'localDateAt', 'maxDate', 'minDate',
      'nextServicePeriod', 'oneOffLine', 'parseBillingMonth', 'parseCalendarDate', 'paymentTermsDays',
      'periodsDueInMonth', 'prorate', 'prorateTariffChange', 'servicePeriodContaining', 'subscriptionLine',
      'taxInGross', 'taxOnNet', 'toDayNumber',
    ]);
    expect(billing.CYCLE_MONTHS).toEqual({ monthly: 1, quarterly: 3, annual: 12 });
  });

  it('runs one Dhaka billing month end to end through the public API', () => {
    // 00:30 on 1 February in Dhaka is still 31 January in UTC.
    const issueDate = billing.localDateAt(new Date('2025-01-31T18:30:00Z'), 'Asia/Dhaka');
    const billingMonth = billing.billingMonthOf(issueDate);
    const subscription = { cycle: 'monthly' as const, anchorDay: 31, subscriptionStart: '2025-01-31' };
    const periods = billing.periodsDueInMonth({ ...subscription, billingMonth });
    expect([issueDate, billingMonth, periods]).toEqual(['2025-02-01', '2025-02', [{ start: '2025-02-28', end: '2025-03-30' }]]);

    const lines = billing.buildInvoiceLines(
      [
        ...periods.map((period) => ({
          kind: 'subscription' as const,
          description: 'Home 50 Mbps',
          tariffPriceMinor: 100_000,
          period,
          activeFrom: subscription.subscriptionStart,
          taxRateBasisPoints: 1_500,
          taxMode: 'exclusive' as const,
        })),
        { kind: 'late_fee', description: 'Late fee', unitPriceMinor: 5_001, taxRateBasisPoints: 1_500, taxMode: 'exclusive' },
      ],
      { taxExempt: false },
    );
    const totals = billing.invoiceTotals(lines);
    expect([totals.netMinor, totals.taxMinor, totals.totalMinor]).toEqual([105_001, 15_750, 120_751]); // fee tax 750.15

    const credit = billing.applyCredit({ invoiceTotalMinor: totals.totalMinor, availableCreditMinor: 20_000 });
    expect(credit).toEqual({ creditAppliedMinor: 20_000, amountDueMinor: 100_751, remainingCreditMinor: 0 });

    const due = billing.dueDate({ issueDate, customerPaymentTermsDays: 14, defaultPaymentTermsDays: 7 });
    expect(due).toBe('2025-02-15');

    const payment = billing.allocatePayment({
      paymentMinor: 105_000,
      openInvoices: [{ id: 'inv-1', issueDate, dueDate: due, outstandingMinor: credit.amountDueMinor }],
    });
    expect(payment.allocations[0]).toMatchObject({ appliedMinor: 100_751, fullyPaid: true });
    expect(payment.leftoverCreditMinor).toBe(4_249);
  });
});
