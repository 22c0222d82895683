import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

// A page heartbeats while it re-applies lines: a dead worker's page moves to another within 10 s.
const { reapplyNetworkState } = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout: '10 seconds', retry: { maximumAttempts: 3 } });

/** Started by a schedule: puts back the line states the network lost, page by page. */
export async function networkSweepWorkflow(input: { reassertAfterHours?: number } = {}): Promise<{ reapplied: number; failed: number }> {
  let reapplied = 0;
  let failed = 0;
  for (let page = 0; page < 20; page++) {
    const r = await reapplyNetworkState({ limit: 500, reassertAfterHours: input.reassertAfterHours ?? 24 });
    reapplied += r.reapplied;
    failed += r.failed;
    if (r.reapplied + r.failed < 500) break;
  }
  return { reapplied, failed };
}
