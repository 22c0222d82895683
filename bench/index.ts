import { parseArgs } from 'node:util';
import { runMain } from '../infra/run-main';
import { ConfigError } from '../infra/config';
import { billingRunBench } from './billing-run.bench';

// npm run bench -- <name> [options]; ends with one JSON line of measurements.
runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const { values } = parseArgs({ args: argv, options: { customers: { type: 'string' } }, strict: false });
  if (name === 'billing-run') {
    const customers = Number(values.customers ?? 10_000);
    if (!Number.isSafeInteger(customers) || customers < 1) throw new ConfigError('--customers: must be a positive whole number');
    await billingRunBench(customers); // prints its JSON line itself
    process.exit(0);
  }
  throw new ConfigError('usage: npm run bench -- billing-run --customers N');
});
