/**
 * Calls `fn` every `intervalMs`, never with two calls in flight: a slow call (a query to a
 * busy worker) delays the next one instead of piling up. `stop()` waits for the call in
 * flight, so its connection can be closed afterwards without a late retry hitting it.
 */
export function pollEvery(intervalMs: number, fn: () => Promise<unknown>): { stop(): Promise<void> } {
  let inFlight: Promise<void> | undefined;
  const timer = setInterval(() => {
    inFlight ??= fn()
      .then(() => undefined, () => undefined)
      .finally(() => (inFlight = undefined));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
