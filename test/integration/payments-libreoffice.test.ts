import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { neutraliseFormula } from '../../services/payment-export-columns';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { fetchText, manualPayment, newCustomer } from './payments-fixtures';

// Acceptance: the exported CSV opens in LibreOffice with the same rows and totals as the API.
// Calc reads our file (UTF-8, comma, RFC 4180) and writes it back out with every text cell
// quoted, so we see what it understood: a number stays bare, text comes back quoted.
// .ci/run installs LibreOffice; elsewhere the test is skipped when soffice is missing.

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const run = hasSoffice || process.env.CI ? describe : describe.skip;

interface Cell { text: string; quoted: boolean }

/** RFC 4180, remembering which fields were quoted. */
function readCells(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell: Cell = { text: '', quoted: false };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') [cell.text, i] = [`${cell.text}"`, i + 1];
      else if (ch === '"') inQuotes = false;
      else cell.text += ch;
    } else if (ch === '"') [inQuotes, cell.quoted] = [true, true];
    else if (ch === ',') [row, cell] = [[...row, cell], { text: '', quoted: false }];
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, cell]);
      [row, cell] = [[], { text: '', quoted: false }];
    } else cell.text += ch;
  }
  if (row.length > 0 || cell.text !== '') rows.push([...row, cell]);
  return rows;
}

const COMMA = 44;
const SEMICOLON = 59; // what Calc and Excel pick in a Czech locale
const TAB = 9;
const PIPE = 124;
const EVALUATED = /\b(1337|2664|3001|4002)\b/;

/**
 * Our file through LibreOffice Calc and back out as CSV (UTF-8, comma, quote every text
 * cell); a CSV is read split on `separator` (a character code), with formulas evaluated.
 */
function throughCalc(file: string | Buffer, separator = COMMA): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'settle-lo-'));
  try {
    const xlsx = Buffer.isBuffer(file);
    const input = path.join(dir, xlsx ? 'payments.xlsx' : 'payments.csv');
    writeFileSync(input, file);
    execFileSync('soffice', [
      '--headless', `-env:UserInstallation=file://${dir}/profile`,
      ...(xlsx ? [] : [`--infilter=CSV:${separator},34,76,1,,0,false,false,false,false,false,false,true`]),
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true',
      '--outdir', path.join(dir, 'out'), input,
    ], { stdio: 'pipe', timeout: 120_000 });
    return readFileSync(path.join(dir, 'out', 'payments.csv'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run('the CSV export opened in LibreOffice Calc', () => {
  let sys: TestSystem;
  let clerk: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    clerk = (await sys.operatorKey('billing_clerk', 'Clerk Šárka')).key;
    const names = ['Příliš Žluťoučký Kůň', 'রহিম উদ্দিন', 'Hasan, "Boss" Ali'];
    const notes = ['=1+1', '+SUM(A1)', 'comma, "quoted"\nand a second line', '-5', '@cmd', 'ধন্যবাদ, দাম ৳৫০০'];
    // Formulas with results found nowhere else in the file, so an evaluated one shows.
    const references = (k: number) => ['a;=1000+337;', 'b\t=2000+664\tb', 'c|=3000+1|c', 'd\n=4000+2\nd'][k - 2] ?? `REF-${k},"x"`;
    const amounts = [123_456_789_012, 1, 123_450, 99_999, 5_000_00, 7];
    for (const [i, name] of names.entries()) {
      const customer = (await newCustomer(sys, clerk, { name })).id;
      for (const j of [0, 1]) {
        const k = i * 2 + j;
        const r = await sys.call(clerk, 'POST', '/v1/payments', manualPayment(customer, amounts[k]!, { note: notes[k], reference: references(k) }));
        if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      }
    }
  });
  afterAll(() => sys?.stop());

  it('has the rows, text and amount total the API lists', async () => {
    const listed = (await sys.call(clerk, 'GET', '/v1/payments?limit=500')).body.items as Array<{ id: number; amountMinor: number; customerName: string; note: string | null }>;
    expect(listed).toHaveLength(6);
    const exported = await fetchText(sys, clerk, '/v1/payments/export.csv');
    expect(exported.status).toBe(200);

    const [header, ...rows] = readCells(throughCalc(exported.text));
    const col = (name: string) => header!.findIndex((c) => c.text === name);
    expect(col('payment_id')).toBe(0); // the byte order mark was read as one, not as part of the first name
    expect(rows.map((r) => Number(r[col('payment_id')]!.text))).toEqual(listed.map((p) => p.id));
    expect(rows.map((r) => r[col('customer_name')]!.text)).toEqual(listed.map((p) => p.customerName));
    // Formula-looking notes stay text (with our apostrophe), never a computed value.
    expect(rows.map((r) => r[col('note')]!)).toEqual(listed.map((p) => ({ text: neutraliseFormula(p.note!), quoted: true })));

    for (const name of ['amount', 'amount_minor']) expect(rows.filter((r) => r[col(name)]!.quoted)).toEqual([]);
    const total = listed.reduce((sum, p) => sum + p.amountMinor, 0);
    expect(rows.reduce((sum, r) => sum + Math.round(Number(r[col('amount')]!.text) * 100), 0)).toBe(total);
    expect(rows.reduce((sum, r) => sum + Number(r[col('amount_minor')]!.text), 0)).toBe(total);
  });

  it.each([[SEMICOLON, 'a semicolon (the Czech default)'], [TAB, 'a tab'], [PIPE, 'a pipe']])('evaluates nothing when Calc splits on %s, %s', async (separator) => {
    const csv = (await fetchText(sys, clerk, '/v1/payments/export.csv')).text;
    const seen = throughCalc(csv, separator);
    expect(seen).toContain('=1000+337');
    expect(seen.match(EVALUATED)).toBeNull();
  });

  it('reads the XLSX export with formula-like text as that text, no apostrophe, nothing evaluated', async () => {
    const listed = (await sys.call(clerk, 'GET', '/v1/payments?limit=500')).body.items as Array<{ reference: string; note: string }>;
    const res = await fetch(`${sys.api.url}/v1/payments/export.xlsx`, { headers: { authorization: `Bearer ${clerk}` } });
    const [header, ...rows] = readCells(throughCalc(Buffer.from(await res.arrayBuffer())));
    const col = (name: string) => header!.findIndex((c) => c.text === name);
    expect(rows.map((r) => r[col('note')]!.text)).toEqual(listed.map((p) => p.note));
    expect(rows.map((r) => r[col('reference')]!.text)).toEqual(listed.map((p) => p.reference));
  });
});
