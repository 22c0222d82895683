import { dueDate, paymentTermsDays } from '../../../../domain/billing/due-date';
import { BillingRuleError } from '../../../../domain/billing/errors';

describe('dueDate', () => {
  it("uses the customer's payment terms", () => {
    expect(dueDate({ issueDate: '2025-01-31', customerPaymentTermsDays: 14, defaultPaymentTermsDays: 30 })).toBe('2025-02-14');
    expect(dueDate({ issueDate: '2024-02-15', customerPaymentTermsDays: 14, defaultPaymentTermsDays: 30 })).toBe('2024-02-29');
    expect(dueDate({ issueDate: '2025-12-20', customerPaymentTermsDays: 14, defaultPaymentTermsDays: 30 })).toBe('2026-01-03');
  });

  it('falls back to the default only when the customer has no terms', () => {
    expect(dueDate({ issueDate: '2025-01-31', customerPaymentTermsDays: null, defaultPaymentTermsDays: 30 })).toBe('2025-03-02');
    expect(dueDate({ issueDate: '2025-01-31', defaultPaymentTermsDays: 10 })).toBe('2025-02-10');
    expect(dueDate({ issueDate: '2025-01-31', customerPaymentTermsDays: 0, defaultPaymentTermsDays: 30 })).toBe('2025-01-31');
    expect(paymentTermsDays(undefined, 21)).toBe(21);
    expect(paymentTermsDays(7, 21)).toBe(7);
  });

  it('rejects invalid terms and dates', () => {
    expect(() => dueDate({ issueDate: '2025-01-31', customerPaymentTermsDays: -1, defaultPaymentTermsDays: 30 })).toThrow(
      /customer payment terms/,
    );
    expect(() => dueDate({ issueDate: '2025-01-31', defaultPaymentTermsDays: 1.5 })).toThrow(/default payment terms/);
    expect(() => dueDate({ issueDate: '2025-02-30', defaultPaymentTermsDays: 14 })).toThrow(BillingRuleError);
  });
});
