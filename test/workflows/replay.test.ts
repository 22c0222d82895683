import { Worker } from '@temporalio/worker';
import { committedHistories } from '../support/histories';
import { testServices } from '../support/test-services';

// Histories recorded from earlier versions must replay on today's code: a change that
// would break workflows already running in production fails here (non-determinism).
describe('replay of committed workflow histories', () => {
  const histories = committedHistories();

  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories.map((h) => [h.name, h.history] as const))('%s replays without nondeterminism', async (_name, history) => {
    await Worker.runReplayHistory({ workflowBundle: { codePath: testServices().bundlePath } }, history);
  });
});
