import { readFileSync } from 'node:fs';
import { testServices } from '../support/test-services';

// The worker evaluates a workflow bundle's modules again for every workflow it starts
// (10,000 at a billing run): what the bundle carries is paid for per customer.
describe('the workflow bundle', () => {
  const code = readFileSync(testServices().bundlePath, 'utf8');

  it('has the workflows and the dunning ladder', () => {
    expect(code).toContain('customerBillingWorkflow');
    expect(code).toContain('./domain/dunning/evaluate.ts');
  });

  it('carries no policy validation (zod)', () => {
    expect(code).not.toMatch(/node_modules\/zod\//);
    expect(code).not.toContain('./domain/dunning/policy-schema.ts');
  });
});
