import { pollEvery } from '../../../infra/poll';

describe('pollEvery', () => {
  it('never overlaps calls and waits for the one in flight on stop', async () => {
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const polling = pollEvery(5, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 40));
      running--;
      finished++;
    });
    await new Promise((r) => setTimeout(r, 100));
    await polling.stop();
    expect(maxRunning).toBe(1);
    expect(running).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
    const after = finished;
    await new Promise((r) => setTimeout(r, 30));
    expect(finished).toBe(after);
  });

  it('keeps polling after a failed call', async () => {
    let calls = 0;
    const polling = pollEvery(5, async () => {
      calls++;
      throw new Error('worker busy');
    });
    await new Promise((r) => setTimeout(r, 60));
    await polling.stop();
    expect(calls).toBeGreaterThan(1);
  });
});
