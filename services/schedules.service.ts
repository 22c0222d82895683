import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { logger } from '../infra/logger';
import { DEFAULT_PAYMENT_TERMS_DAYS } from './billing-run.service';

export const MONTHLY_BILLING_SCHEDULE_ID = 'settle-monthly-billing';
export const NETWORK_SWEEP_SCHEDULE_ID = 'settle-network-sweep';

/** Every 15 minutes, re-apply line states the network lost (created or updated on worker start). */
export async function ensureNetworkSweepSchedule(temporal: Client, taskQueue: string): Promise<void> {
  const spec = { intervals: [{ every: '15m' as const }] };
  const action = { type: 'startWorkflow' as const, workflowType: 'networkSweepWorkflow', taskQueue, args: [{}] };
  try {
    await temporal.schedule.create({ scheduleId: NETWORK_SWEEP_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await temporal.schedule.getHandle(NETWORK_SWEEP_SCHEDULE_ID).update((prev) => ({ ...prev, spec, action }));
  }
}

/** Creates or updates the monthly billing schedule (1st of the month, 02:00 in the ISP's zone). */
export async function ensureMonthlyBillingSchedule(temporal: Client, taskQueue: string, timeZone = process.env.BILLING_TIMEZONE ?? 'Asia/Dhaka'): Promise<void> {
  const spec = { calendars: [{ dayOfMonth: 1, hour: 2, minute: 0, comment: 'bill the month on its first day' }], timezone: timeZone };
  const action = { type: 'startWorkflow' as const, workflowType: 'scheduledBillingRunWorkflow', taskQueue, args: [{ defaultPaymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS }] };
  try {
    await temporal.schedule.create({ scheduleId: MONTHLY_BILLING_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' } });
    logger.info({ scheduleId: MONTHLY_BILLING_SCHEDULE_ID }, 'monthly billing schedule created');
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await temporal.schedule.getHandle(MONTHLY_BILLING_SCHEDULE_ID).update((prev) => ({ ...prev, spec, action }));
  }
}
