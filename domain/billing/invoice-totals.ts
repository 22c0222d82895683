// Invoice totals are the sums of the lines and nothing else: no rounding happens at
// invoice level, so the printed total always equals the sum of the printed lines.
import { Minor, sumMinor } from '../money';
import { BillingRuleError } from './errors';

export interface TotalsLine {
  taxRateBasisPoints: number;
  discountMinor: Minor;
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
}

export interface TaxRateSummary {
  taxRateBasisPoints: number;
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
}

export interface InvoiceTotals {
  discountMinor: Minor;
  netMinor: Minor;
  taxMinor: Minor;
  totalMinor: Minor;
  /** One row per tax rate, lowest rate first; the VAT recap printed on the invoice. */
  byTaxRate: TaxRateSummary[];
}

function sumOf(lines: readonly TotalsLine[], pick: (line: TotalsLine) => Minor): Minor {
  return sumMinor(lines.map(pick));
}

export function invoiceTotals(lines: readonly TotalsLine[]): InvoiceTotals {
  lines.forEach((line, i) => {
    if (line.netMinor + line.taxMinor !== line.totalMinor) {
      throw new BillingRuleError(
        `line ${i + 1}: net ${line.netMinor} + tax ${line.taxMinor} does not equal total ${line.totalMinor}`,
      );
    }
  });
  const rates = [...new Set(lines.map((line) => line.taxRateBasisPoints))].sort((a, b) => a - b);
  const byTaxRate = rates.map((rate) => {
    const atRate = lines.filter((line) => line.taxRateBasisPoints === rate);
    return {
      taxRateBasisPoints: rate,
      netMinor: sumOf(atRate, (l) => l.netMinor),
      taxMinor: sumOf(atRate, (l) => l.taxMinor),
      totalMinor: sumOf(atRate, (l) => l.totalMinor),
    };
  });
  return {
    discountMinor: sumOf(lines, (l) => l.discountMinor),
    netMinor: sumOf(lines, (l) => l.netMinor),
    taxMinor: sumOf(lines, (l) => l.taxMinor),
    totalMinor: sumOf(lines, (l) => l.totalMinor),
    byTaxRate,
  };
}
