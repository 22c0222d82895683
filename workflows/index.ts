export { customerBillingWorkflow } from './customer-billing.workflow';
