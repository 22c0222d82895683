import { Client as Pg } from 'pg';
import { runApi } from '../api/run-api';
import { logger } from '../infra/logger';
import { startBenchEnv } from './bench-env';
import { note, round, step } from './bench-log';
import { apiExport, copyCsv } from './payments-export';
import { pageLatency, searchLatency } from './payments-latency';
import { seedPayments } from './seed-payments';

const CUSTOMERS_PER_PAYMENT = 1 / 20;

// npm run bench -- payments --payments N
// The Customer Payments log on N payments (~N/20 customers): page and search latency through
// our HTTP API beside the same SQL on a bare connection, and whole-log CSV and XLSX exports
// beside Postgres's own COPY … CSV, with the process's memory growth while they stream.
export async function paymentsBench(payments: number): Promise<Record<string, number>> {
  // A log line per request would bury the JSON line on stdout (and time pino, not us).
  logger.level = process.env.LOG_LEVEL ?? 'warn';
  const env = await step('postgres + temporal', () => startBenchEnv());
  const pg = new Pg({ connectionString: env.databaseUrl });
  await pg.connect();
  let api: Awaited<ReturnType<typeof runApi>> | undefined;
  try {
    const seeded = await seedPayments(pg, Math.max(10, Math.round(payments * CUSTOMERS_PER_PAYMENT)), payments);
    api = await runApi({ databaseUrl: env.databaseUrl, temporalAddress: env.temporalAddress, namespace: 'default', taskQueue: 'bench-payments', port: 0 });
    note(`search terms: ${seeded.searches.join(', ')}`);

    const page = await step('filtered pages', () => pageLatency(api!.url, seeded.adminKey, pg, 105));
    const search = await step('searches', () => searchLatency(api!.url, seeded.adminKey, pg, seeded.searches, 6));
    const csv = await step('csv export', () => apiExport(api!.url, seeded.adminKey, 'csv'));
    if (csv.rows !== payments) throw new Error(`the CSV export has ${csv.rows} rows, not ${payments}`);
    const copy = await step('copy csv', () => copyCsv(pg, payments));
    const xlsx = await step('xlsx export', () => apiExport(api!.url, seeded.adminKey, 'xlsx'));

    const result = {
      payments,
      pageP95Ms: round(page.apiP95Ms), rawPageP95Ms: round(page.rawP95Ms),
      searchP95Ms: round(search.apiP95Ms), rawSearchP95Ms: round(search.rawP95Ms),
      csvRowsPerSecond: Math.round(csv.rows / csv.seconds), copyCsvRowsPerSecond: Math.round(copy.rows / copy.seconds),
      csvRssGrowthMb: round(csv.rssGrowthMb, 1),
      xlsxSeconds: round(xlsx.seconds), csvSeconds: round(csv.seconds), xlsxRssGrowthMb: round(xlsx.rssGrowthMb, 1),
    };
    note(`xlsx: ${(xlsx.bytes / 2 ** 20).toFixed(0)} MB; csv: ${(csv.bytes / 2 ** 20).toFixed(0)} MB`);
    // Printed before teardown, like the billing-run bench: a late error while closing must not lose it.
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await api?.stop();
    await pg.end();
    await env.stop();
  }
}
