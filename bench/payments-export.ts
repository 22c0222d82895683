import { performance } from 'node:perf_hooks';
import type { Client as Pg } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { paymentLogSql } from '../data/payment-log';
import { note } from './bench-log';

// Whole-log exports through the API, timed and with the process's RSS sampled while the
// bytes stream, beside Postgres writing the same rows as CSV by itself (COPY … TO STDOUT).

export interface ExportRun {
  rows: number;
  seconds: number;
  rssGrowthMb: number;
}

const LF = 0x0a;

/** Samples RSS every 50 ms until stopped; returns the peak above where it started. */
function rssWatch(): () => number {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return (peak - start) / 2 ** 20;
  };
}

/** Reads a response body to its end, counting bytes and line feeds (one per CSV row). */
async function drain(body: ReadableStream<Uint8Array>, onProgress: (bytes: number) => void): Promise<{ bytes: number; lineFeeds: number }> {
  let bytes = 0;
  let lineFeeds = 0;
  let reported = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) lineFeeds++;
    if (bytes - reported > 100 * 2 ** 20) onProgress((reported = bytes));
  }
  return { bytes, lineFeeds };
}

export async function apiExport(apiUrl: string, key: string, format: 'csv' | 'xlsx'): Promise<ExportRun & { bytes: number }> {
  const stop = rssWatch();
  const t0 = performance.now();
  const res = await fetch(`${apiUrl}/v1/payments/export.${format}`, { headers: { authorization: `Bearer ${key}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export.${format}: ${res.status} ${await res.text()}`);
  const { bytes, lineFeeds } = await drain(res.body, (b) => note(`export.${format}: ${(b / 2 ** 20).toFixed(0)} MB after ${((performance.now() - t0) / 1000).toFixed(1)} s`));
  const seconds = (performance.now() - t0) / 1000;
  // The CSV has a header line; an XLSX is compressed, so its rows are whatever was asked for.
  return { rows: format === 'csv' ? lineFeeds - 1 : NaN, seconds, rssGrowthMb: stop(), bytes };
}

/** The export's own query (all rows, newest first) as CSV written by Postgres. */
export async function copyCsv(pg: Pg, rowsExpected: number): Promise<ExportRun> {
  const sql = paymentLogSql({}, undefined, rowsExpected + 1);
  // COPY takes no bind parameters; the only one here is the row limit.
  const text = sql.text.replace('$1', String(sql.values[0]));
  if (sql.values.length !== 1 || text.includes('$')) throw new Error('the export query grew parameters; inline them here too');
  const stop = rssWatch();
  const t0 = performance.now();
  const stream = pg.query(copyTo(`copy (${text}) to stdout with (format csv, header)`));
  let lineFeeds = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) lineFeeds++;
  }
  return { rows: lineFeeds - 1, seconds: (performance.now() - t0) / 1000, rssGrowthMb: stop() };
}
