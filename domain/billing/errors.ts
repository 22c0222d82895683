// One error type for every rejected billing input, so callers (API, activities)
// can map all of them to a single "invalid billing data" response.
export class BillingRuleError extends Error {
  override readonly name = 'BillingRuleError';
}

export function requireNonNegativeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new BillingRuleError(`${what} must be a non-negative whole number, got ${value}`);
  }
  return value;
}

export function requireBasisPoints(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw new BillingRuleError(`${what} must be whole basis points between 0 and 10000, got ${value}`);
  }
  return value;
}
