export { customerBillingWorkflow } from './customer-billing.workflow';
export { billingRunWorkflow } from './billing-run.workflow';
export { scheduledBillingRunWorkflow } from './scheduled-billing-run.workflow';
export { networkSweepWorkflow } from './network-sweep.workflow';
export { statementReconciliationWorkflow } from './statement-reconciliation.workflow';
