import type { WorkflowHandle } from '@temporalio/client';
import { pollEvery } from './poll';

/** Waits for a workflow's result while reporting its progress query (see pollEvery for why one query at a time). */
export async function followWorkflow<R, P>(handle: WorkflowHandle, query: string, onProgress: (p: P) => void, intervalMs = 300): Promise<R> {
  const polling = pollEvery(intervalMs, async () => {
    const progress = await handle.query<P | null>(query);
    if (progress) onProgress(progress);
  });
  try {
    return (await handle.result()) as R;
  } finally {
    await polling.stop();
  }
}
