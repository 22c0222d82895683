import { parseArgs } from 'node:util';
import { runMain } from '../infra/run-main';
import { ConfigError } from '../infra/config';
import { billingRunBench } from './billing-run.bench';
import { reconcileBench } from './reconcile.bench';

// npm run bench -- <name> [options]; ends with one JSON line of measurements.
runMain(async () => {
  const [name, ...argv] = process.argv.slice(2);
  const { values } = parseArgs({ args: argv, options: { customers: { type: 'string' }, lines: { type: 'string' }, 'open-invoices': { type: 'string' } }, strict: false });
  if (name === 'billing-run') {
    const customers = Number(values.customers ?? 10_000);
    if (!Number.isSafeInteger(customers) || customers < 1) throw new ConfigError('--customers: must be a positive whole number');
    await billingRunBench(customers); // prints its JSON line itself
    process.exit(0);
  }
  if (name === 'reconcile') {
    const lines = Number(values.lines ?? 100_000);
    const openInvoices = Number(values['open-invoices'] ?? 1_000_000);
    if (!Number.isSafeInteger(lines) || lines < 1) throw new ConfigError('--lines: must be a positive whole number');
    if (!Number.isSafeInteger(openInvoices) || openInvoices < 2) throw new ConfigError('--open-invoices: must be a whole number of at least 2');
    await reconcileBench(lines, openInvoices);
    process.exit(0);
  }
  throw new ConfigError('usage: npm run bench -- billing-run --customers N | reconcile --lines N --open-invoices N');
});
