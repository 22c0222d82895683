import { parseArgs } from 'node:util';
import { runMain } from '../infra/run-main';
import { ConfigError } from '../infra/config';
import { billingRunBench } from './billing-run.bench';
import { paymentsBench } from './payments.bench';
import { reconcileBench } from './reconcile.bench';

function count(value: unknown, fallback: number, flag: string, min = 1): number {
  const n = Number(value ?? fallback);
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${flag}: must be a whole number of at least ${min}`);
  return n;
}

const USAGE = 'usage: npm run bench -- billing-run --customers N | payments --payments N | reconcile --lines N --open-invoices N [--follow-signals]';

// npm run bench -- <name> [options]; ends with one JSON line of measurements.
runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const options = { customers: { type: 'string' }, payments: { type: 'string' }, lines: { type: 'string' }, 'open-invoices': { type: 'string' }, 'follow-signals': { type: 'boolean' } } as const;
  const { values } = parseArgs({ args: argv, options, strict: false });
  if (name === 'billing-run') {
    await billingRunBench(count(values.customers, 10_000, '--customers')); // prints its JSON line itself
  } else if (name === 'payments') {
    await paymentsBench(count(values.payments, 1_000_000, '--payments'));
  } else if (name === 'reconcile') {
    await reconcileBench(count(values.lines, 100_000, '--lines'), count(values['open-invoices'], 1_000_000, '--open-invoices', 2), values['follow-signals'] === true);
  } else {
    throw new ConfigError(USAGE);
  }
  process.exit(0);
});
