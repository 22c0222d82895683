import type { ActivityDeps } from './deps';
import { loadCustomerFacts } from './dunning-facts.activity';
import { recordDunningState } from './dunning-record.activity';

export type { ActivityDeps } from './deps';
export type { CustomerFacts } from './dunning-facts.activity';

/** All activities, bound to their dependencies (database, mailer, SMS, network adapters). */
export function createActivities(deps: ActivityDeps) {
  return {
    loadCustomerFacts: loadCustomerFacts(deps),
    recordDunningState: recordDunningState(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
