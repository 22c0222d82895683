import { Charge, buildInvoiceLines } from '../../../../domain/billing/invoice-lines';
import { invoiceTotals } from '../../../../domain/billing/invoice-totals';
import { BillingRuleError } from '../../../../domain/billing/errors';
import { addDays } from '../../../../domain/billing/calendar-date';

describe('invoiceTotals', () => {
  it('sums the lines and recaps VAT per rate', () => {
    const lines = buildInvoiceLines(
      [
        {
          kind: 'subscription',
          description: 'Fiber 300',
          tariffPriceMinor: 59_900,
          period: { start: '2025-04-01', end: '2025-04-30' },
          activeFrom: '2025-04-11',
          discountBasisPoints: 1_000,
          fixedDiscountMinor: 500,
          taxRateBasisPoints: 2_100,
          taxMode: 'exclusive',
        },
        { kind: 'installation', description: 'Installation', unitPriceMinor: 150_000, taxRateBasisPoints: 2_100, taxMode: 'exclusive' },
        { kind: 'equipment', description: 'Router', unitPriceMinor: 2_499, quantity: 2, taxRateBasisPoints: 1_200, taxMode: 'inclusive' },
        { kind: 'late_fee', description: 'Late fee', unitPriceMinor: 5_000, taxRateBasisPoints: 0, taxMode: 'exclusive' },
      ],
      { taxExempt: false },
    );
    expect(invoiceTotals(lines)).toEqual({
      discountMinor: 4_493,
      netMinor: 35_440 + 150_000 + 4_463 + 5_000, // router net 4 998 / 1.12 = 4 462.5 → 4 463
      taxMinor: 7_442 + 31_500 + 535 + 0,
      totalMinor: 42_882 + 181_500 + 4_998 + 5_000,
      byTaxRate: [
        { taxRateBasisPoints: 0, netMinor: 5_000, taxMinor: 0, totalMinor: 5_000 },
        { taxRateBasisPoints: 1_200, netMinor: 4_463, taxMinor: 535, totalMinor: 4_998 },
        { taxRateBasisPoints: 2_100, netMinor: 185_440, taxMinor: 38_942, totalMinor: 224_382 },
      ],
    });
  });

  it('gives zero totals for an invoice without lines', () => {
    expect(invoiceTotals([])).toEqual({ discountMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0, byTaxRate: [] });
  });

  it('refuses a line whose net and tax do not add up to its total', () => {
    expect(() =>
      invoiceTotals([{ taxRateBasisPoints: 2_100, discountMinor: 0, netMinor: 100, taxMinor: 21, totalMinor: 120 }]),
    ).toThrow(new BillingRuleError('line 1: net 100 + tax 21 does not equal total 120'));
  });

  it('always equals the sum of its lines over many generated invoices', () => {
    let seed = 20_250_401;
    const next = (n: number): number => {
      seed = (seed * 48_271) % 2_147_483_647; // Park–Miller, exact in doubles
      return seed % n;
    };
    const rates = [0, 500, 1_000, 1_500, 2_000, 2_100];
    let grandTotal = 0;
    let lineCount = 0;
    for (let invoice = 0; invoice < 400; invoice++) {
      const charges: Charge[] = [];
      for (let c = 0, count = 1 + next(6); c < count; c++) {
        const taxRateBasisPoints = rates[next(rates.length)];
        const taxMode = next(2) === 0 ? 'inclusive' : 'exclusive';
        if (next(3) === 0) {
          charges.push({ kind: 'late_fee', description: 'fee', unitPriceMinor: next(10_000), quantity: 1 + next(3), taxRateBasisPoints, taxMode });
        } else {
          const start = addDays('2024-01-01', next(700));
          charges.push({
            kind: 'subscription',
            description: 'sub',
            tariffPriceMinor: next(200_000),
            period: { start, end: addDays(start, 27 + next(5)) },
            activeFrom: addDays(start, next(20)),
            activeTo: next(2) === 0 ? null : addDays(start, 20 + next(15)),
            discountBasisPoints: next(4) === 0 ? next(10_001) : 0,
            fixedDiscountMinor: next(4) === 0 ? next(30_000) : 0,
            taxRateBasisPoints,
            taxMode,
          });
        }
      }
      const lines = buildInvoiceLines(charges, { taxExempt: next(10) === 0 });
      const totals = invoiceTotals(lines);
      const sum = (pick: (l: (typeof lines)[number]) => number): number => lines.reduce((a, l) => a + pick(l), 0);
      const consistent =
        totals.totalMinor === sum((l) => l.totalMinor) &&
        totals.netMinor === sum((l) => l.netMinor) &&
        totals.taxMinor === sum((l) => l.taxMinor) &&
        totals.netMinor + totals.taxMinor === totals.totalMinor &&
        totals.byTaxRate.reduce((a, r) => a + r.totalMinor, 0) === totals.totalMinor &&
        lines.every((l) => l.netMinor + l.taxMinor === l.totalMinor && l.netMinor >= 0 && l.taxMinor >= 0);
      if (!consistent) throw new Error(`invoice ${invoice} does not add up: ${JSON.stringify({ lines, totals })}`);
      grandTotal += totals.totalMinor;
      lineCount += lines.length;
    }
    expect(lineCount).toBe(1_409);
    // Pins today's results so any change to a rounding rule shows up here as well.
    expect(grandTotal).toBe(54_246_665);
  });
});
