import { ApplicationFailure } from '@temporalio/activity';
import { readCustomerFacts, type CustomerFacts } from '../data/customer-facts';
import type { ActivityDeps } from './deps';

export type { CustomerFacts };

export function loadCustomerFacts(deps: ActivityDeps) {
  return async function loadCustomerFacts(customerId: number): Promise<CustomerFacts> {
    const facts = await readCustomerFacts(deps.db, customerId);
    if (!facts) throw ApplicationFailure.nonRetryable(`customer ${customerId} does not exist`, 'CustomerNotFound');
    return facts;
  };
}
