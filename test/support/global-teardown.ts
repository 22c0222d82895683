export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __settleStops?: Array<() => Promise<void>> };
  for (const stop of (g.__settleStops ?? []).reverse()) await stop();
  g.__settleStops = [];
}
