import { condition, defineSignal, setHandler } from '@temporalio/workflow';

// The baseline for signal-with-start throughput: a workflow that does nothing else.
export const pokeSignal = defineSignal<[number]>('poke');

export async function trivialWorkflow(): Promise<void> {
  let poked = false;
  setHandler(pokeSignal, () => void (poked = true));
  await condition(() => poked);
}
