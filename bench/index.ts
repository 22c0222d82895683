import { parseArgs } from 'node:util';
import { runMain } from '../infra/run-main';
import { ConfigError } from '../infra/config';
import { billingRunBench } from './billing-run.bench';
import { paymentsBench } from './payments.bench';

function count(value: unknown, fallback: number, flag: string): number {
  const n = Number(value ?? fallback);
  if (!Number.isSafeInteger(n) || n < 1) throw new ConfigError(`${flag}: must be a positive whole number`);
  return n;
}

// npm run bench -- <name> [options]; ends with one JSON line of measurements.
runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const { values } = parseArgs({ args: argv, options: { customers: { type: 'string' }, payments: { type: 'string' } }, strict: false });
  if (name === 'billing-run') {
    await billingRunBench(count(values.customers, 10_000, '--customers')); // prints its JSON line itself
    process.exit(0);
  }
  if (name === 'payments') {
    await paymentsBench(count(values.payments, 1_000_000, '--payments'));
    process.exit(0);
  }
  throw new ConfigError('usage: npm run bench -- billing-run --customers N | payments --payments N');
});
