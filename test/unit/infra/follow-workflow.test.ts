import { followWorkflow } from '../../../infra/follow-workflow';

describe('followWorkflow', () => {
  it('reports the final progress after the result, even when the workflow ended before the first poll', async () => {
    let done = 0;
    const handle = { query: async () => ({ done }), result: async () => ((done = 10), 'ok') };
    const seen: number[] = [];
    expect(await followWorkflow<string, { done: number }>(handle as never, 'progress', (p) => seen.push(p.done), 1_000)).toBe('ok');
    expect(seen).toEqual([10]);
  });

  it('returns the result when the last query fails', async () => {
    const handle = { query: async () => { throw new Error('no worker'); }, result: async () => 'ok' };
    expect(await followWorkflow(handle as never, 'progress', () => undefined, 1_000)).toBe('ok');
  });

  it('passes on the failure of the workflow itself', async () => {
    const handle = { query: async () => null, result: async () => { throw new Error('workflow failed'); } };
    await expect(followWorkflow(handle as never, 'progress', () => undefined, 1_000)).rejects.toThrow('workflow failed');
  });
});
