import type { WorkflowHandle } from '@temporalio/client';

/**
 * Waits for a workflow's result while reporting its progress query. One query at a time,
 * and the last one is awaited before returning: a query still retrying when the caller
 * closes its connection would otherwise crash the process.
 */
export async function followWorkflow<R, P>(handle: WorkflowHandle, query: string, onProgress: (p: P) => void, intervalMs = 300): Promise<R> {
  let done = false;
  const poll = async () => {
    while (!done) {
      const progress = await handle.query<P | null>(query).catch(() => null);
      if (progress && !done) onProgress(progress);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
  const polling = poll();
  try {
    return (await handle.result()) as R;
  } finally {
    done = true;
    await polling;
  }
}
