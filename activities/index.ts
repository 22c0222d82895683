import type { ActivityDeps } from './deps';
import { loadCustomerFacts } from './dunning-facts.activity';
import { sendDunningNotice } from './dunning-notice.activity';
import { recordDunningState } from './dunning-record.activity';
import { addLateFee } from './late-fee.activity';
import { billingRunActivities } from './billing-run.activities';
import { reapplyNetworkState } from './network-sweep.activity';
import { applyNetworkState } from './network-state.activity';
import { statementActivities } from './statement.activities';

export type { ActivityDeps } from './deps';
export type { CustomerFacts } from './dunning-facts.activity';
export type { DunningNotice, NoticeResult } from './dunning-notice.activity';
export type { NetworkChange, NetworkChangeResult } from './network-state.activity';
export type { PageResult } from './billing-run.activities';
export type { StatementBatchResult, StatementSummary } from './statement.activities';

/** All activities, bound to their dependencies (database, mailer, SMS, network adapter). */
export function createActivities(deps: ActivityDeps) {
  return {
    loadCustomerFacts: loadCustomerFacts(deps),
    recordDunningState: recordDunningState(deps),
    sendDunningNotice: sendDunningNotice(deps),
    applyNetworkState: applyNetworkState(deps),
    addLateFee: addLateFee(deps),
    reapplyNetworkState: reapplyNetworkState(deps),
    ...billingRunActivities(deps),
    ...statementActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
