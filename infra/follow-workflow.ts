import type { WorkflowHandle } from '@temporalio/client';
import { pollEvery } from './poll';

/**
 * Waits for a workflow's result while reporting its progress query (see pollEvery for why
 * one query at a time), and reports it once more at the end, so a progress bar always
 * reaches its end, even for a workflow that finished before the first poll.
 */
export async function followWorkflow<R, P>(handle: Pick<WorkflowHandle, 'query' | 'result'>, query: string, onProgress: (p: P) => void, intervalMs = 300): Promise<R> {
  const report = async () => {
    const progress = await handle.query<P | null>(query);
    if (progress) onProgress(progress);
  };
  const polling = pollEvery(intervalMs, report);
  let result: R;
  try {
    result = (await handle.result()) as R;
  } finally {
    await polling.stop();
  }
  await report().catch(() => undefined); // the end state is a nicety; the result is what counts
  return result;
}
