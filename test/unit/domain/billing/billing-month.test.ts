import {
  addBillingMonths,
  assertBillingMonth,
  billingMonthOf,
  formatBillingMonth,
  fromMonthIndex,
  isBillingMonth,
  monthIndex,
  parseBillingMonth,
} from '../../../../domain/billing/billing-month';
import { BillingRuleError } from '../../../../domain/billing/errors';

describe('billing month', () => {
  it('parses YYYY-MM', () => {
    expect(parseBillingMonth('2025-01')).toEqual({ year: 2025, month: 1 });
    expect(parseBillingMonth('2024-12')).toEqual({ year: 2024, month: 12 });
    expect(assertBillingMonth('2026-02')).toBe('2026-02');
  });

  it('rejects anything else with a message that shows the expected format', () => {
    for (const bad of ['2025-13', '2025-00', '2025-1', '25-01', '2025-01-01', '2025/01', '', '0000-01']) {
      expect(isBillingMonth(bad)).toBe(false);
      expect(() => parseBillingMonth(bad)).toThrow(BillingRuleError);
    }
    expect(() => parseBillingMonth('2025-13')).toThrow(
      "billing month must be 'YYYY-MM' with month 01–12 (for example '2025-01'), got '2025-13'",
    );
    expect(isBillingMonth(202501)).toBe(false);
    expect(isBillingMonth('2025-07')).toBe(true);
  });

  it('maps dates to their billing month', () => {
    expect(billingMonthOf('2025-02-28')).toBe('2025-02');
    expect(billingMonthOf('2024-12-31')).toBe('2024-12');
    expect(formatBillingMonth(2025, 3)).toBe('2025-03');
  });

  it('steps across year boundaries', () => {
    expect(addBillingMonths('2025-11', 3)).toBe('2026-02');
    expect(addBillingMonths('2025-01', -1)).toBe('2024-12');
    expect(addBillingMonths('2025-01', -25)).toBe('2022-12');
    expect(addBillingMonths('2025-06', 0)).toBe('2025-06');
    expect(monthIndex({ year: 2025, month: 1 })).toBe(24_300);
    expect(fromMonthIndex(24_299)).toEqual({ year: 2024, month: 12 });
  });
});
